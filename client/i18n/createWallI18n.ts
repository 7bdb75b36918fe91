import { createI18n } from 'vue-i18n';
import { SHANGHAI_TIME_ZONE } from '../time/shanghaiClock';
import { en } from './en';
import type { WallLocale } from './wallLocales';
import { zhCN } from './zhCN';

/** Number styles used on the wall; every locale gets the same names. */
const numberFormats = {
  integer: { maximumFractionDigits: 0 },
  decimal1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  percent: { style: 'percent', maximumFractionDigits: 1 },
  compact: { notation: 'compact', maximumFractionDigits: 1 },
} as const;

/** Dates and times are always the command centre's own (Asia/Shanghai), whatever the PC is set to. */
const time = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: SHANGHAI_TIME_ZONE } as const;
const datetimeFormats = {
  'zh-CN': { date: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long', timeZone: SHANGHAI_TIME_ZONE }, time },
  // English month and weekday names are long; the header has room for the short ones.
  en: { date: { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', timeZone: SHANGHAI_TIME_ZONE }, time },
} as const;

/**
 * Composition-mode vue-i18n with both locales loaded up front: the wall is offline, so there is
 * nothing to lazy-load from, and switching is only ever a reload with another ?lang.
 */
export const createWallI18n = (locale: WallLocale) =>
  createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
    numberFormats: { 'zh-CN': numberFormats, en: numberFormats },
    datetimeFormats,
  });

export type WallI18n = ReturnType<typeof createWallI18n>;
