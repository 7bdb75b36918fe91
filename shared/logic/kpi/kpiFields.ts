import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../domain/incident';
import type { StationStatus } from '../../domain/station';
import type { WishStatus } from '../../domain/wish';

/**
 * Offsets of the counters a KpiBook keeps per region, laid out struct-of-arrays style
 * (`counts[region * FIELD_COUNT + field]`) so an event is a few typed-array additions per level.
 * Every counter holds an integer (hours are kept in thousandths, durations in whole ms), which is
 * what lets incremental sums and a rebuild agree exactly: integer addition never drifts.
 */
export const KPI_FIELDS = {
  reportedToday: 0,
  acceptedToday: 1,
  resolvedToday: 2,
  open: 3,
  overdue: 4,
  /** Of the incidents reported today, those whose status is accepted or further (rate numerator). */
  reportedTodayAccepted: 5,
  /** Of the incidents reported today, those resolved or rated (rate numerator). */
  reportedTodayResolved: 6,
  /** Sum over incidents resolved today of (resolvedAt − reportedAt), in ms. */
  resolveMsToday: 7,
  ratingSumToday: 8,
  ratingCountToday: 9,
  stationsTotal: 10,
  stationsOpen: 11,
  stationsExtended: 12,
  stationsClosed: 13,
  stationsFault: 14,
  stationsOnDuty: 15,
  stationsVisitors: 16,
  volunteersOnDuty: 17,
  checkinsToday: 18,
  milliHoursToday: 19,
  milliHoursMonth: 20,
  wishesPosted: 21,
  wishesClaimed: 22,
  wishesFulfilled: 23,
  /** First of INCIDENT_CATEGORIES.length counters: reported today, by category. */
  categoryBase: 24,
} as const;

export const FIELD_COUNT = KPI_FIELDS.categoryBase + INCIDENT_CATEGORIES.length;

/** Check-out hours are summed in thousandths of an hour (3.6 s), so sums stay integers. */
export const HOURS_SCALE = 1000;

export const CATEGORY_FIELD = Object.fromEntries(
  INCIDENT_CATEGORIES.map((category, i) => [category, KPI_FIELDS.categoryBase + i]),
) as Readonly<Record<IncidentCategory, number>>;

export const STATION_STATUS_FIELD: Readonly<Record<StationStatus, number>> = {
  open: KPI_FIELDS.stationsOpen,
  extended: KPI_FIELDS.stationsExtended,
  closed: KPI_FIELDS.stationsClosed,
  fault: KPI_FIELDS.stationsFault,
};

export const WISH_STATUS_FIELD: Readonly<Record<WishStatus, number>> = {
  posted: KPI_FIELDS.wishesPosted,
  claimed: KPI_FIELDS.wishesClaimed,
  fulfilled: KPI_FIELDS.wishesFulfilled,
};

/** Counters that describe "today" (local Asia/Shanghai day): zeroed at local midnight. */
export const DAY_FIELDS: readonly number[] = [
  KPI_FIELDS.reportedToday,
  KPI_FIELDS.acceptedToday,
  KPI_FIELDS.resolvedToday,
  KPI_FIELDS.reportedTodayAccepted,
  KPI_FIELDS.reportedTodayResolved,
  KPI_FIELDS.resolveMsToday,
  KPI_FIELDS.ratingSumToday,
  KPI_FIELDS.ratingCountToday,
  KPI_FIELDS.checkinsToday,
  KPI_FIELDS.milliHoursToday,
  ...Object.values(CATEGORY_FIELD),
];

/** Counters that describe the local calendar month: zeroed when the month turns. */
export const MONTH_FIELDS: readonly number[] = [KPI_FIELDS.milliHoursMonth];
