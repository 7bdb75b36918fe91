import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Milliseconds on the process-wide monotonic clock. hrtime, not performance.now(): it has the
 * same origin in every thread, and a send time and a receive time are only comparable on one clock.
 */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleepMs = (ms: number): Promise<void> => sleep(Math.max(0, ms));
