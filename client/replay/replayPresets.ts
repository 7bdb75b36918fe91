import { DAY_MS, HOUR_MS, SHANGHAI_OFFSET_MS, shanghaiDayStart } from '../../shared/logic/shanghaiTime';
import type { ReplayPeriod } from './ReplayState';

export const REPLAY_PRESETS = ['last6h', 'yesterdayDaytime', 'last24h'] as const;
export type ReplayPreset = (typeof REPLAY_PRESETS)[number];

/**
 * The periods an operator picks with one tap, as of the server's `now` (the command centre's
 * clock, in Asia/Shanghai): the last 6 hours, yesterday's working day 08:00–20:00, the last day.
 */
export const presetPeriod = (preset: ReplayPreset, now: number): ReplayPeriod => {
  switch (preset) {
    case 'last6h':
      return { from: now - 6 * HOUR_MS, to: now };
    case 'yesterdayDaytime': {
      const yesterday = shanghaiDayStart(now) - DAY_MS;
      return { from: yesterday + 8 * HOUR_MS, to: yesterday + 20 * HOUR_MS };
    }
    case 'last24h':
      return { from: now - DAY_MS, to: now };
  }
};

const two = (n: number): string => String(n).padStart(2, '0');

/** An `<input type="datetime-local">` value for an instant, in Shanghai time whatever the browser's zone. */
export const localInputOf = (at: number): string => {
  const d = new Date(at + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
};

/** The instant of a datetime-local value read as Shanghai time; null when it is not one. */
export const instantOfLocalInput = (value: string): number | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - SHANGHAI_OFFSET_MS;
};

/**
 * A custom period as the log can replay it: start before end, and nothing after `now` (the
 * server has no picture of the future). Null when the inputs do not make one.
 */
export const customPeriod = (fromInput: string, toInput: string, now: number): ReplayPeriod | null => {
  const from = instantOfLocalInput(fromInput);
  const to = instantOfLocalInput(toInput);
  if (from === null || to === null) return null;
  const end = Math.min(to, now);
  return from < end ? { from, to: end } : null;
};

/** Date and time of a replay moment for the banner, in Shanghai time: 2026-12-04 and 15:32:10. */
export const replayClockText = (at: number): { date: string; time: string } => {
  const d = new Date(at + SHANGHAI_OFFSET_MS);
  return {
    date: `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`,
    time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`,
  };
};
