import { isValidScopeCode } from '../../shared/logic/scope';
import { localeOf, type WallLocale } from '../i18n/wallLocales';
import { motionPreferenceOf, type MotionPreference } from '../map/engine/motionPreference';
import type { WallControls } from '../stores/useViewStore';
import { wallControlsOf } from './wallControlsOf';
import { isWallLayout, type WallLayout } from './wallLayouts';

/** What a wall is told by its URL (kiosk shortcuts carry it) or by the build's environment. */
export interface WallConfig {
  /** Header title; null = the locale's default. */
  title: string | null;
  /** Forced layout; null = chosen from the viewport's aspect. */
  layout: WallLayout | null;
  locale: WallLocale;
  /** Region shown first (a street's own wall); null = the county the server serves. */
  scope: string | null;
  /** `?motion=auto|still|full`; null = auto, or still where the system asks for reduced motion. */
  motion: MotionPreference | null;
  /**
   * Whether new alarms fly the camera to their grid (`?alarmFlights=off` keeps the view): a centre
   * with several walls keeps one on the whole county while another follows the alarms. The alarm
   * cards and the map flash show either way.
   */
  alarmFlights: boolean;
  /** The legend panel's layers, heat window, choropleth KPI and whether it is open (`?layers=&heat=&kpi=&legend=open`). */
  controls: WallControls;
}

const MAX_TITLE_CHARS = 40;

const cleanTitle = (title: string | null | undefined): string | null => {
  const trimmed = (title ?? '').trim().slice(0, MAX_TITLE_CHARS);
  return trimmed === '' ? null : trimmed;
};

/**
 * Reads `?title=&layout=16x9|32x9&lang=en&scope=<code>&motion=auto|still|full&alarmFlights=off` and the
 * legend's controls (wallControlsOf.ts); `configuredTitle` (VITE_WALL_TITLE at build
 * time) is the fallback title. Anything malformed is ignored rather than shown. The `?token=` of a
 * ready URL is not configuration: client/api/claimSessionToken.ts claims it.
 */
export const wallConfigOf = (search: string, configuredTitle?: string): WallConfig => {
  const query = new URLSearchParams(search);
  const layout = query.get('layout');
  const scope = query.get('scope');
  return {
    title: cleanTitle(query.get('title')) ?? cleanTitle(configuredTitle),
    layout: isWallLayout(layout) ? layout : null,
    locale: localeOf(query.get('lang')),
    scope: scope !== null && isValidScopeCode(scope) ? scope : null,
    motion: motionPreferenceOf(query.get('motion')),
    alarmFlights: query.get('alarmFlights') !== 'off',
    controls: wallControlsOf(query),
  };
};
