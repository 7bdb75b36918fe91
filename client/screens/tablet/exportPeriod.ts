import { DAY_MS, SHANGHAI_OFFSET_MS } from '../../../shared/logic/shanghaiTime';

/** YYYY-MM-DD of `now` in Asia/Shanghai, the form a date input and the export route take. */
export const shanghaiDate = (now: number): string => new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The period an export starts from: the last seven days, today included. */
export const defaultExportPeriod = (now: number): { from: string; to: string } => ({
  from: shanghaiDate(now - 6 * DAY_MS),
  to: shanghaiDate(now),
});
