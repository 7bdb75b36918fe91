import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, RegionCode } from './common';
import { INCIDENT_CATEGORIES } from './incident';

const Count = Type.Integer({ minimum: 0 });
const categoryCounts = Type.Object(
  Object.fromEntries(INCIDENT_CATEGORIES.map((c) => [c, Count])) as Record<
    (typeof INCIDENT_CATEGORIES)[number],
    typeof Count
  >,
  { additionalProperties: false },
);

/** Live aggregates for one region (any level), kept incrementally by shared/logic/kpi. */
export const RegionKpis = Type.Object(
  {
    code: RegionCode,
    incidents: Type.Object({
      reportedToday: Count,
      acceptedToday: Count,
      resolvedToday: Count,
      open: Count,
      overdue: Count,
      /** Of those reported today: share accepted / resolved (0..1), null when none reported. */
      acceptanceRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
      resolutionRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
      /** Mean minutes from report to resolution over incidents resolved today; null when none. */
      meanResolveMinutes: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
      /** Reported today, by category. */
      byCategory: categoryCounts,
      /** Last 24 hourly buckets, oldest first; the last is the current hour. */
      hourlyReported: Type.Array(Count, { minItems: 24, maxItems: 24 }),
      hourlyResolved: Type.Array(Count, { minItems: 24, maxItems: 24 }),
      /** Mean resident rating (1–5) of incidents rated today; null when none. */
      satisfaction: Type.Union([Type.Number({ minimum: 1, maximum: 5 }), Type.Null()]),
    }),
    stations: Type.Object({
      total: Count,
      open: Count,
      extended: Count,
      closed: Count,
      fault: Count,
      onDuty: Count,
      visitors: Count,
    }),
    volunteers: Type.Object({
      onDuty: Count,
      checkinsToday: Count,
      hoursToday: Type.Number({ minimum: 0 }),
      hoursMonth: Type.Number({ minimum: 0 }),
    }),
    wishes: Type.Object({ posted: Count, claimed: Count, fulfilled: Count }),
    /** The log position these figures are consistent with, and when they were computed. */
    seq: Type.Integer({ minimum: 0 }),
    at: EpochMs(),
  },
  { additionalProperties: false },
);
export type RegionKpis = Static<typeof RegionKpis>;
