import { INCIDENT_CATEGORIES } from '../../domain/incident';
import type { RegionKpis } from '../../domain/kpi';
import { HOURLY_BUCKETS, type KpiBook } from './kpiBook';
import { FIELD_COUNT, HOURS_SCALE, KPI_FIELDS as F } from './kpiFields';

const MINUTE_MS = 60_000;

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

/** The 24 hourly counts of region `r`, oldest first, the last being the book's current hour. */
const hourly = (book: KpiBook, ring: Int32Array, r: number): number[] => {
  const out = new Array<number>(HOURLY_BUCKETS);
  for (let i = 0; i < HOURLY_BUCKETS; i++) {
    const hour = book.hourIndex - (HOURLY_BUCKETS - 1) + i;
    out[i] = ring[r * HOURLY_BUCKETS + (((hour % HOURLY_BUCKETS) + HOURLY_BUCKETS) % HOURLY_BUCKETS)] as number;
  }
  return out;
};

const readIncidents = (book: KpiBook, r: number): RegionKpis['incidents'] => {
  const get = (field: number) => book.counts[r * FIELD_COUNT + field] as number;
  const reported = get(F.reportedToday);
  const resolved = get(F.resolvedToday);
  return {
    reportedToday: reported,
    acceptedToday: get(F.acceptedToday),
    resolvedToday: resolved,
    open: get(F.open),
    overdue: get(F.overdue),
    acceptanceRate: ratio(get(F.reportedTodayAccepted), reported),
    resolutionRate: ratio(get(F.reportedTodayResolved), reported),
    meanResolveMinutes: resolved > 0 ? get(F.resolveMsToday) / resolved / MINUTE_MS : null,
    byCategory: Object.fromEntries(
      INCIDENT_CATEGORIES.map((category, i) => [category, get(F.categoryBase + i)]),
    ) as RegionKpis['incidents']['byCategory'],
    hourlyReported: hourly(book, book.hourlyReported, r),
    hourlyResolved: hourly(book, book.hourlyResolved, r),
    satisfaction: ratio(get(F.ratingSumToday), get(F.ratingCountToday)),
  };
};

/**
 * The figures of one region, as of the book's clock (call tickKpis(book, now) first so that clock
 * is `now`). An entity counts toward every region of its regionPath. "Today" is the local
 * Asia/Shanghai day containing the clock; "this month" the local calendar month.
 *
 * incidents
 * - reportedToday: incidents with reportedAt today.
 * - acceptedToday: incidents with acceptedAt today (受理 done today, whenever reported).
 * - resolvedToday: resolved or rated incidents with resolvedAt today.
 * - open: status neither resolved nor rated, whatever its age.
 * - overdue: open and clock > dueAt (exactly at the deadline is still on time).
 * - acceptanceRate: of those reported today, the share whose status is accepted or further; null if none.
 * - resolutionRate: of those reported today, the share resolved or rated; null if none.
 * - meanResolveMinutes: mean of (resolvedAt − reportedAt) over those resolved today; null if none.
 * - byCategory: reported today, per category.
 * - hourlyReported / hourlyResolved: by reportedAt / resolvedAt, per clock hour over the last 24,
 *   oldest first, the last being the current hour (hours align in UTC+8 as in UTC).
 * - satisfaction: mean rating (1–5) over incidents with ratedAt today; null if none.
 * stations (current state)
 * - total; open (status open: regular hours), extended (延时服务), closed, fault — these four
 *   partition total, so "open now" is open + extended; onDuty: sum of onDutyCount; visitors: sum.
 * volunteers
 * - onDuty: check-ins without a check-out; checkinsToday: checkedInAt today;
 * - hoursToday / hoursMonth: sum of hours of check-ins with checkedOutAt today / this month,
 *   each check-out's hours rounded to 0.001 h so the sums stay exact.
 * wishes (current status, all time): posted, claimed, fulfilled.
 *
 * Throws RangeError for a code the book does not hold: callers check scope and existence first.
 */
export const readKpis = (book: KpiBook, code: string, seq: number, now: number): RegionKpis => {
  const r = book.indexOf.get(code);
  if (r === undefined) throw new RangeError(`readKpis: region ${code} is not in this KPI book`);
  const get = (field: number) => book.counts[r * FIELD_COUNT + field] as number;
  return {
    code,
    incidents: readIncidents(book, r),
    stations: {
      total: get(F.stationsTotal),
      open: get(F.stationsOpen),
      extended: get(F.stationsExtended),
      closed: get(F.stationsClosed),
      fault: get(F.stationsFault),
      onDuty: get(F.stationsOnDuty),
      visitors: get(F.stationsVisitors),
    },
    volunteers: {
      onDuty: get(F.volunteersOnDuty),
      checkinsToday: get(F.checkinsToday),
      hoursToday: get(F.milliHoursToday) / HOURS_SCALE,
      hoursMonth: get(F.milliHoursMonth) / HOURS_SCALE,
    },
    wishes: { posted: get(F.wishesPosted), claimed: get(F.wishesClaimed), fulfilled: get(F.wishesFulfilled) },
    seq,
    at: now,
  };
};
