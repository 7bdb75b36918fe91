import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RegionKpis } from '../../../../shared/domain/kpi';
import type { Region } from '../../../../shared/domain/region';
import type { KpiBook } from '../../../../shared/logic/kpi/kpiBook';
import { readKpis } from '../../../../shared/logic/kpi/readKpis';
import { rebuildKpis } from '../../../../shared/logic/kpi/rebuildKpis';
import { tickKpis } from '../../../../shared/logic/kpi/tickKpis';
import {
  childrenOf,
  COMMUNITY_B,
  GRID_A1A,
  GRID_A2A,
  GRID_B1A,
  GRIDS,
  makeStation,
  region,
  REGIONS,
  T0,
} from './kpiFixtures';
import { opArbitrary } from './kpiOps';
import { applyOp, createWorld, type World } from './kpiSimulation';

const readAll = (book: KpiBook, regions: readonly Region[], now: number): RegionKpis[] =>
  regions.map((r) => readKpis(book, r.code, 0, now));

/** Ticks the world's book to its clock and checks it against a book rebuilt from its entities. */
const expectEqualsRebuild = (world: World, regions: readonly Region[]): void => {
  tickKpis(world.book, world.now);
  const rebuilt = rebuildKpis(regions, world.state, world.now);
  expect(readAll(world.book, regions, world.now)).toEqual(readAll(rebuilt, regions, world.now));
};

const stations = () => [
  makeStation('s-grid', GRID_A1A),
  makeStation('s-grid-2', GRID_B1A, { status: 'closed' }),
  makeStation('s-community', COMMUNITY_B, { type: 'party_service_center', onDutyCount: 3 }),
];

/** The figures that add up from children to parent: every count, not rates or means. */
const additive = (k: RegionKpis): number[] => [
  k.incidents.reportedToday, k.incidents.acceptedToday, k.incidents.resolvedToday, k.incidents.open, k.incidents.overdue,
  ...Object.values(k.incidents.byCategory), ...k.incidents.hourlyReported, ...k.incidents.hourlyResolved,
  ...Object.values(k.stations),
  k.volunteers.onDuty, k.volunteers.checkinsToday,
  Math.round(k.volunteers.hoursToday * 1000), Math.round(k.volunteers.hoursMonth * 1000),
  ...Object.values(k.wishes),
];

describe('incremental KPI book against a rebuild', () => {
  it('equals a rebuild from the entities after any event sequence, across ticks, midnights, month ends and pruning', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { minLength: 1, maxLength: 80 }), (ops) => {
        const world = createWorld(REGIONS, GRIDS, stations(), T0);
        for (const op of ops) if (applyOp(world, op)) expectEqualsRebuild(world, REGIONS);
        expectEqualsRebuild(world, REGIONS);
      }),
      { numRuns: 250 },
    );
  });

  it('keeps parents equal to the sum of their children for every additive figure when entities sit on grids', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { minLength: 1, maxLength: 60 }), (ops) => {
        const world = createWorld(REGIONS, GRIDS, [makeStation('a', GRID_A2A), makeStation('b', GRID_B1A)], T0);
        for (const op of ops) applyOp(world, op);
        tickKpis(world.book, world.now);
        for (const parent of REGIONS.filter((r) => r.level !== 'grid')) {
          const sum = childrenOf(REGIONS, parent.code)
            .map((c) => additive(readKpis(world.book, c, 0, world.now)))
            .reduce((acc, row) => acc.map((v, i) => v + (row[i] as number)));
          expect(additive(readKpis(world.book, parent.code, 0, world.now))).toEqual(sum);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('stays exact over 20,000 events on a county of 525 regions (a correctness check, not a timing one)', () => {
    const codes = ['350121'];
    for (let s = 1; s <= 4; s++) {
      const street = `350121${String(s).padStart(3, '0')}`;
      codes.push(street);
      for (let c = 1; c <= 5; c++) {
        const community = `${street}${String(c).padStart(3, '0')}`;
        codes.push(community);
        for (let p = 1; p <= 5; p++) {
          const compound = `${community}${String(p).padStart(3, '0')}`;
          codes.push(compound, ...[1, 2, 3, 4].map((g) => `${compound}0${g}`));
        }
      }
    }
    const regions = codes.map(region);
    const grids = codes.filter((c) => c.length === 17);
    const world = createWorld(regions, grids, grids.slice(0, 50).map((g, i) => makeStation(`s${i}`, g)), T0);
    for (const op of fc.sample(opArbitrary, { numRuns: 20_000, seed: 20240331 })) applyOp(world, op);
    expect(regions).toHaveLength(525);
    expectEqualsRebuild(world, regions);
  });
});
