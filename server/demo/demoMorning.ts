import { HOUR_MS, shanghaiDayStart } from '../../shared/logic/shanghaiTime';

const MINUTE_MS = 60_000;

/**
 * This morning's demo time: `hhmm` (Asia/Shanghai) on the local date of `realNow`. The date comes
 * from the wall clock, not the virtual one, which a fast demo may have carried into another day:
 * every rehearsal of the day resets to the same moment.
 */
export const demoMorningAt = (realNow: number, hhmm: string): number => {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  return shanghaiDayStart(realNow) + hours * HOUR_MS + minutes * MINUTE_MS;
};
