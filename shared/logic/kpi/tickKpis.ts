import { advanceKpiClock } from './advanceKpiClock';
import type { KpiBook } from './kpiBook';

/**
 * Call every second or so. Advances the book to `now`: incidents whose deadline has passed become
 * overdue (popped from a deadline heap, never a scan of open incidents), the 24 hourly buckets
 * shift when the hour changes, "today" restarts at local midnight Asia/Shanghai and the month
 * figures at the local month's start.
 *
 * Returns the codes of the regions whose figures changed since the previous tick, by events or by
 * time — a superset (an event that changes nothing still marks its path) — so the server sends
 * coalesced KPI frames for those regions only. The book starts a fresh set.
 */
export const tickKpis = (book: KpiBook, now: number): Set<string> => {
  advanceKpiClock(book, now);
  const changed = book.changed;
  book.changed = new Set();
  return changed;
};
