import { describe, expect, it } from 'vitest';
import { customPeriod, instantOfLocalInput, localInputOf, presetPeriod, replayClockText } from '../../../client/replay/replayPresets';

const HOUR_MS = 3600_000;
/** 2026-12-05 21:00 in Shanghai. */
const NOW = Date.UTC(2026, 11, 5, 13, 0);

describe('the periods an operator picks for a replay', () => {
  it('offers the last 6 hours up to now', () => {
    expect(presetPeriod('last6h', NOW)).toEqual({ from: NOW - 6 * HOUR_MS, to: NOW });
  });

  it('offers yesterday 08:00–20:00 in Shanghai time, whatever the browser’s zone', () => {
    expect(presetPeriod('yesterdayDaytime', NOW)).toEqual({ from: Date.UTC(2026, 11, 4, 0, 0), to: Date.UTC(2026, 11, 4, 12, 0) });
  });

  it('reads a custom start and end as Shanghai time and round-trips them', () => {
    expect(instantOfLocalInput('2026-12-05T08:30')).toBe(Date.UTC(2026, 11, 5, 0, 30));
    expect(localInputOf(Date.UTC(2026, 11, 5, 0, 30))).toBe('2026-12-05T08:30');
    expect(instantOfLocalInput('')).toBeNull();
  });

  it('ends a custom period at now at the latest, and refuses one that ends before it starts', () => {
    expect(customPeriod('2026-12-05T18:00', '2026-12-05T23:00', NOW)).toEqual({ from: Date.UTC(2026, 11, 5, 10, 0), to: NOW });
    expect(customPeriod('2026-12-05T18:00', '2026-12-05T17:00', NOW)).toBeNull();
    expect(customPeriod('2026-12-05T22:00', '2026-12-05T23:00', NOW)).toBeNull();
  });

  it('writes the banner’s date and time in Shanghai time', () => {
    expect(replayClockText(NOW + 5_000)).toEqual({ date: '2026-12-05', time: '21:00:05' });
  });
});
