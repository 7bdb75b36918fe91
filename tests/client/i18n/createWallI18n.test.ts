import { describe, expect, it } from 'vitest';
import { createWallI18n } from '../../../client/i18n/createWallI18n';
import { localeOf } from '../../../client/i18n/wallLocales';

describe('localeOf', () => {
  it('speaks English only when asked', () => {
    expect(localeOf('en')).toBe('en');
    expect(localeOf('EN-us')).toBe('en');
    expect(localeOf(null)).toBe('zh-CN');
    expect(localeOf('ja')).toBe('zh-CN');
  });
});

describe('createWallI18n', () => {
  // 2026-11-21 20:05:09 in Shanghai.
  const at = Date.UTC(2026, 10, 21, 12, 5, 9);

  it('speaks Chinese with Chinese dates and numbers', () => {
    const { t, d, n } = createWallI18n('zh-CN').global;
    expect(t('frame.dataAgeSeconds', { seconds: 3 })).toBe('数据 3 秒前');
    expect(t('frame.staleBanner', { time: '20:05:09' })).toBe('数据已停止更新 — 自 20:05:09');
    expect(d(at, 'time')).toBe('20:05:09');
    expect(d(at, 'date')).toBe('2026年11月21日星期六');
    expect(n(280_762, 'compact')).toBe('28.1万');
    expect(n(0.9873, 'percent')).toBe('98.7%');
  });

  it('speaks English when asked, with the same Shanghai clock', () => {
    const { t, d } = createWallI18n('en').global;
    expect(t('categories.dispute')).toBe('Dispute');
    expect(d(at, 'time')).toBe('20:05:09');
  });
});
