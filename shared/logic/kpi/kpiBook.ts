import type { Incident } from '../../domain/incident';
import type { Region } from '../../domain/region';
import type { CheckIn } from '../../domain/volunteer';
import { DAY_MS, HOUR_MS, shanghaiDayStart, shanghaiMonthStart } from '../shanghaiTime';
import { createDueHeap, type DueHeap } from './dueHeap';
import { FIELD_COUNT } from './kpiFields';

/** The rolling trend covers the current hour and the 23 before it. */
export const HOURLY_BUCKETS = 24;
/** county → street → community → compound → grid */
const MAX_PATH_DEPTH = 5;

/**
 * Mutable KPI aggregates for every region of every level.
 *
 * Invariant that makes the incremental book equal a rebuild: after every call, each counter equals
 * the sum, over the current entities the hooks have been told about, of that entity's contribution
 * evaluated at `clockMs`. Hooks keep it by removing the `before` contribution and adding the `after`
 * one under the same clock; advancing the clock (advanceKpiClock) moves only the contributions
 * that time can change: deadlines passing, windows ageing, and entities stamped ahead of the clock.
 */
export interface KpiBook {
  readonly codes: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** FIELD_COUNT integer counters per region, see kpiFields. */
  readonly counts: Float64Array;
  /** HOURLY_BUCKETS counters per region: a ring indexed by (absolute hour mod 24). */
  readonly hourlyReported: Int32Array;
  readonly hourlyResolved: Int32Array;
  /** The instant every time-dependent figure is evaluated at; it only moves forward. */
  clockMs: number;
  /** floor(clockMs / HOUR_MS): the absolute index of the current hour. */
  hourIndex: number;
  dayStartMs: number;
  monthStartMs: number;
  monthEndMs: number;
  /** Open incidents not yet overdue, by id, as last reported (entities are replaced, never mutated). */
  readonly pendingDue: Map<string, Incident>;
  /** The deadline of the live heap entry per id, so re-adding an unchanged deadline pushes nothing. */
  readonly queuedDue: Map<string, number>;
  readonly dueHeap: DueHeap;
  /**
   * Entities with a timestamp at or after the end of the current hour (clock skew, or events
   * processed before the tick that starts their hour). They are the only ones a clock advance can
   * bring into a window, so they are re-counted at each hour boundary; normally this is empty.
   */
  readonly futureIncidents: Map<string, Incident>;
  readonly futureCheckIns: Map<string, CheckIn>;
  /** Region codes whose figures changed since the last tickKpis (a superset: never misses one). */
  changed: Set<string>;
  /** Scratch buffer holding the resolved region path of the entity being counted: no allocation per event. */
  readonly path: Int32Array;
}

/** Moves the book's notion of "now" and the windows derived from it; the caller keeps the invariant. */
export const setKpiClock = (book: KpiBook, now: number): void => {
  book.clockMs = now;
  book.hourIndex = Math.floor(now / HOUR_MS);
  book.dayStartMs = shanghaiDayStart(now);
  book.monthStartMs = shanghaiMonthStart(now);
  // 32 days past the start of any month lands inside the next one.
  book.monthEndMs = shanghaiMonthStart(book.monthStartMs + 32 * DAY_MS);
};

/** An empty book for `regions` (duplicates ignored), its clock at `now`. */
export const createKpiBook = (regions: readonly Region[], now: number): KpiBook => {
  const indexOf = new Map<string, number>();
  const codes: string[] = [];
  for (const region of regions) {
    if (indexOf.has(region.code)) continue;
    indexOf.set(region.code, codes.length);
    codes.push(region.code);
  }
  const book: KpiBook = {
    codes,
    indexOf,
    counts: new Float64Array(codes.length * FIELD_COUNT),
    hourlyReported: new Int32Array(codes.length * HOURLY_BUCKETS),
    hourlyResolved: new Int32Array(codes.length * HOURLY_BUCKETS),
    clockMs: now,
    hourIndex: 0,
    dayStartMs: 0,
    monthStartMs: 0,
    monthEndMs: 0,
    pendingDue: new Map(),
    queuedDue: new Map(),
    dueHeap: createDueHeap(),
    futureIncidents: new Map(),
    futureCheckIns: new Map(),
    changed: new Set(),
    path: new Int32Array(MAX_PATH_DEPTH),
  };
  setKpiClock(book, now);
  return book;
};

/**
 * Resolves an entity's region path into book.path and marks those regions changed. Codes the book
 * does not know (a region outside the client's scope, or not loaded) are skipped, so an entity
 * still counts toward the known regions of its path. Returns how many entries were written.
 */
export const resolveKpiPath = (book: KpiBook, regionPath: readonly string[]): number => {
  let n = 0;
  for (const code of regionPath) {
    const index = book.indexOf.get(code);
    if (index === undefined || n >= MAX_PATH_DEPTH) continue;
    book.path[n++] = index;
    book.changed.add(code);
  }
  return n;
};

/** Adds `delta` to one counter of each of the first `depth` regions of book.path. */
export const addAlongPath = (book: KpiBook, depth: number, field: number, delta: number): void => {
  if (delta === 0) return;
  const { counts, path } = book;
  for (let k = 0; k < depth; k++) {
    const at = (path[k] as number) * FIELD_COUNT + field;
    counts[at] = (counts[at] as number) + delta;
  }
};

/** Adds `delta` to the hourly bucket holding `atMs`, if that hour is within the last 24. */
export const addHourly = (ring: Int32Array, book: KpiBook, depth: number, atMs: number, delta: number): void => {
  const hour = Math.floor(atMs / HOUR_MS);
  if (hour > book.hourIndex || hour <= book.hourIndex - HOURLY_BUCKETS) return;
  const slot = ((hour % HOURLY_BUCKETS) + HOURLY_BUCKETS) % HOURLY_BUCKETS;
  for (let k = 0; k < depth; k++) {
    const at = (book.path[k] as number) * HOURLY_BUCKETS + slot;
    ring[at] = (ring[at] as number) + delta;
  }
};

/** Within the book's local (Asia/Shanghai) day. */
export const isKpiToday = (book: KpiBook, atMs: number | undefined): atMs is number =>
  atMs !== undefined && atMs >= book.dayStartMs && atMs < book.dayStartMs + DAY_MS;

/** Within the book's local calendar month. */
export const isKpiThisMonth = (book: KpiBook, atMs: number | undefined): atMs is number =>
  atMs !== undefined && atMs >= book.monthStartMs && atMs < book.monthEndMs;

/** At or after the end of the book's current hour: a window it may enter later. */
export const isKpiFuture = (book: KpiBook, atMs: number): boolean => atMs >= (book.hourIndex + 1) * HOUR_MS;

/** Keeps `tracked` holding exactly the counted entities that satisfy `isTracked`. */
export const trackEntity = <T extends { id: string }>(
  tracked: Map<string, T>,
  entity: T,
  sign: 1 | -1,
  isTracked: boolean,
): void => {
  if (sign < 0) tracked.delete(entity.id);
  else if (isTracked) tracked.set(entity.id, entity);
};
