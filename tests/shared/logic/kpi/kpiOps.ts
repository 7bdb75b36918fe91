import fc from 'fast-check';
import { MINUTE_MS } from './kpiFixtures';

/** One random step of the world: an event on some entity, time passing, a tick, or pruning. */
export type Op =
  | { kind: 'advance'; ms: number }
  | { kind: 'tick' }
  | { kind: 'report'; grid: number; category: number; slaMinutes: number; skewMs: number }
  | { kind: 'step'; pick: number; choice: number; rating: number; skewMs: number; slaMinutes: number }
  | { kind: 'station'; pick: number; status: number; onDutyCount: number; visitors: number }
  | { kind: 'checkIn'; grid: number; skewMs: number }
  | { kind: 'checkOut'; pick: number; hours: number; skewMs: number }
  | { kind: 'postWish'; grid: number }
  | { kind: 'wishStep'; pick: number }
  | { kind: 'prune' };

const minutes = (min: number, max: number) => fc.integer({ min, max }).map((m) => m * MINUTE_MS);

/**
 * Mostly on time; sometimes backfilled by up to a day and more, sometimes ahead of the clock.
 * Whole minutes, so deadlines and ticks often fall on the very same millisecond.
 */
const skew = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: minutes(-26 * 60, 0) },
  { weight: 2, arbitrary: minutes(0, 3 * 60) },
);
const pick = fc.nat({ max: 1000 });
const sla = fc.integer({ min: 1, max: 600 });
/** Values whose float sums depend on order (0.1 + 0.2 …), then anything up to the 24-hour cap. */
const hours = fc.oneof(fc.constantFrom(0.1, 0.2, 0.3, 0.7, 1 / 3, 2.5), fc.double({ min: 0, max: 24, noNaN: true }));

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.oneof(minutes(0, 10), minutes(0, 4 * 60), minutes(20 * 60, 30 * 60)),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('report' as const), grid: pick, category: pick, slaMinutes: sla, skewMs: skew }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('step' as const),
      pick,
      choice: pick,
      rating: fc.integer({ min: 1, max: 5 }),
      skewMs: skew,
      slaMinutes: sla,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('station' as const),
      pick,
      status: pick,
      onDutyCount: fc.nat({ max: 5 }),
      visitors: fc.nat({ max: 60 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('checkIn' as const), grid: pick, skewMs: skew }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('checkOut' as const), pick, hours, skewMs: skew }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('postWish' as const), grid: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wishStep' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('prune' as const) }) },
);
