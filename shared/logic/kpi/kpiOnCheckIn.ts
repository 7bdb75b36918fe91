import type { CheckIn } from '../../domain/volunteer';
import { advanceKpiClock } from './advanceKpiClock';
import { countCheckIn } from './countCheckIn';
import type { KpiBook } from './kpiBook';

/**
 * Call after the reducer has replaced a check-in: `before` undefined on 报到 (check-in), the open
 * check-in on check-out. O(path depth).
 */
export const kpiOnCheckIn = (book: KpiBook, before: CheckIn | undefined, after: CheckIn, now: number): void => {
  advanceKpiClock(book, now);
  if (before !== undefined) countCheckIn(book, before, -1);
  countCheckIn(book, after, 1);
};
