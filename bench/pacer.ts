import { nowMs, sleepMs } from './nowMs';

/**
 * Calls `send(i, scheduledMs)` for i = 0…count-1 at `ratePerS`, on an absolute schedule
 * (event i is due at start + i/rate): a late wake-up sends the overdue events at once instead of
 * shifting every later one, so timer jitter does not drift the achieved rate.
 */
export const pace = async (ratePerS: number, count: number, send: (i: number, scheduledMs: number) => void): Promise<void> => {
  const intervalMs = 1000 / ratePerS;
  const startMs = nowMs();
  let i = 0;
  while (i < count) {
    const due = Math.min(count, Math.floor((nowMs() - startMs) / intervalMs) + 1);
    for (; i < due; i++) send(i, startMs + i * intervalMs);
    if (i < count) await sleepMs(startMs + i * intervalMs - nowMs());
  }
};
