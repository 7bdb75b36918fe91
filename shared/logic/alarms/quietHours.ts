import { shanghaiParts } from '../shanghaiTime';
import type { AlarmPolicy, QuietHours } from './alarmPolicy';

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of an 'HH:MM' already checked against CLOCK_TIME. */
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Parses quiet hours as configured, 'HH:MM-HH:MM' (e.g. '22:00-07:00', across midnight); a string is
 * the reason it is not valid. An empty range is refused: it would read as "never" to some and
 * "always" to others.
 */
export const parseQuietHours = (text: string): QuietHours | string => {
  const parts = text.trim().split('-');
  const [from, to] = parts.map((part) => part.trim());
  if (parts.length !== 2 || !from || !to || !CLOCK_TIME.test(from) || !CLOCK_TIME.test(to)) {
    return `must be HH:MM-HH:MM (e.g. 22:00-07:00), got "${text}"`;
  }
  if (from === to) return `must not start and end at the same time, got "${text}"`;
  return { from, to };
};

/** Whether `now` falls in the policy's quiet hours, by the Asia/Shanghai wall clock. */
export const isQuietTime = (now: number, policy: Pick<AlarmPolicy, 'quietHours'>): boolean => {
  const quiet = policy.quietHours;
  if (!quiet) return false;
  const { hour, minute } = shanghaiParts(now);
  const at = hour * 60 + minute;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  return from < to ? at >= from && at < to : at >= from || at < to;
};

/** Whether a wall may speak an alarm line at `now`: voice on, and not in quiet hours. */
export const mayVoiceAlarm = (now: number, policy: Pick<AlarmPolicy, 'voice' | 'quietHours'>): boolean =>
  policy.voice && !isQuietTime(now, policy);
