import { HOUR_MS, shanghaiDayStart, shanghaiMonthStart } from '../shanghaiTime';
import { countCheckIn } from './countCheckIn';
import { dueHeapSize, peekDueMs, popDue } from './dueHeap';
import { countIncident } from './countIncident';
import { addAlongPath, HOURLY_BUCKETS, resolveKpiPath, setKpiClock, type KpiBook } from './kpiBook';
import { DAY_FIELDS, FIELD_COUNT, KPI_FIELDS, MONTH_FIELDS } from './kpiFields';

/** Zeroes `fields` of region `r`; true when any was non-zero (the region's figures change). */
const clearFields = (book: KpiBook, r: number, fields: readonly number[]): boolean => {
  let changed = false;
  for (const field of fields) {
    const at = r * FIELD_COUNT + field;
    if (book.counts[at] !== 0) changed = true;
    book.counts[at] = 0;
  }
  return changed;
};

/** Empties the `steps` slots that become new hours; true when the region's 24-hour window was non-empty. */
const shiftRing = (ring: Int32Array, r: number, fromHour: number, steps: number): boolean => {
  const base = r * HOURLY_BUCKETS;
  let changed = false;
  for (let s = 0; s < HOURLY_BUCKETS; s++) if (ring[base + s] !== 0) changed = true;
  if (!changed) return false;
  for (let h = fromHour + 1; h <= fromHour + steps; h++) {
    ring[base + (((h % HOURLY_BUCKETS) + HOURLY_BUCKETS) % HOURLY_BUCKETS)] = 0;
  }
  return true;
};

/**
 * Ages every region's windows from the book's hour to `now`'s. Sound only once the future
 * entities are taken out: every remaining entity is stamped before the old hour ended, so it can
 * only leave windows (today at midnight, the month at its end, an hour after 24), never enter one.
 */
const rollWindows = (book: KpiBook, now: number): void => {
  const steps = Math.min(Math.floor(now / HOUR_MS) - book.hourIndex, HOURLY_BUCKETS);
  const newDay = shanghaiDayStart(now) !== book.dayStartMs;
  const newMonth = shanghaiMonthStart(now) !== book.monthStartMs;
  for (let r = 0; r < book.codes.length; r++) {
    let changed = newDay && clearFields(book, r, DAY_FIELDS);
    if (newMonth && clearFields(book, r, MONTH_FIELDS)) changed = true;
    if (shiftRing(book.hourlyReported, r, book.hourIndex, steps)) changed = true;
    if (shiftRing(book.hourlyResolved, r, book.hourIndex, steps)) changed = true;
    if (changed) book.changed.add(book.codes[r] as string);
  }
  setKpiClock(book, now);
};

/** Turns overdue every pending incident whose deadline the clock has passed (now > dueAt). */
const markOverdue = (book: KpiBook): void => {
  const heap = book.dueHeap;
  while (dueHeapSize(heap) > 0 && peekDueMs(heap) < book.clockMs) {
    const dueAt = peekDueMs(heap);
    const id = popDue(heap) as string;
    if (book.queuedDue.get(id) === dueAt) book.queuedDue.delete(id);
    const incident = book.pendingDue.get(id);
    // Stale entry: resolved since, or its deadline moved (then another entry is queued).
    if (incident === undefined || incident.dueAt !== dueAt) continue;
    book.pendingDue.delete(id);
    addAlongPath(book, resolveKpiPath(book, incident.regionPath), KPI_FIELDS.overdue, 1);
  }
};

/**
 * Moves the book's clock forward to `now` (never back: a late caller's `now` changes nothing)
 * and re-evaluates every figure time alone can change. Within an hour that is only deadlines;
 * across an hour boundary the windows roll and entities stamped ahead of the clock are re-counted.
 */
export const advanceKpiClock = (book: KpiBook, now: number): void => {
  if (!(now > book.clockMs)) return;
  // Local midnights and month starts fall on hour boundaries (UTC+8, no daylight saving), so
  // within the same hour no window can move: only deadlines can pass.
  if (Math.floor(now / HOUR_MS) === book.hourIndex) {
    book.clockMs = now;
    markOverdue(book);
    return;
  }
  // Copies, since counting them out and back in edits these maps.
  const incidents = [...book.futureIncidents.values()];
  const checkIns = [...book.futureCheckIns.values()];
  for (const incident of incidents) countIncident(book, incident, -1);
  for (const checkIn of checkIns) countCheckIn(book, checkIn, -1);
  rollWindows(book, now);
  markOverdue(book);
  for (const incident of incidents) countIncident(book, incident, 1);
  for (const checkIn of checkIns) countCheckIn(book, checkIn, 1);
};
