import type { Region } from '../../shared/domain/region';
import type { Station } from '../../shared/domain/station';
import { bboxOf, type BBox, type Polygonal } from '../../shared/logic/geo/polygonal';
import type { Rng } from '../../shared/logic/rng';
import type { CountyData } from '../county/CountyIndex';

export interface SimulatorGrid {
  code: string;
  path: readonly string[];
  communityCode: string;
  centroid: readonly [number, number];
  /** The grid's polygon when the county has one, so reports land inside it. */
  shape: { geometry: Polygonal; bbox: BBox } | null;
}

/** The county as the planner needs it, computed once: every lookup during a tick is O(1) or O(log n). */
export interface SimulatorCounty {
  grids: readonly SimulatorGrid[];
  /** Running totals of residents over `grids`: busier grids report more (binary search to pick). */
  gridCumulative: Float64Array;
  stations: readonly Station[];
  /** Stations by the community they stand in: where a member of that community may check in. */
  stationsByCommunity: ReadonlyMap<string, readonly Station[]>;
  /** Size of each community's pool of registered members (双报到), from its party-member count. */
  memberPool: ReadonlyMap<string, number>;
}

export type SimulatorCountySource = Pick<CountyData, 'regions' | 'stations'> & {
  features?: Partial<Pick<CountyData['features'], 'grid'>>;
};

/** Members who actually turn up: a small community still has a core, a big one is capped so ids stay short. */
const MIN_POOL = 12;
const MAX_POOL = 400;

const gridShapes = (source: SimulatorCountySource): Map<string, Polygonal> => {
  const shapes = new Map<string, Polygonal>();
  for (const feature of source.features?.grid?.features ?? []) {
    shapes.set(feature.properties.code, feature.geometry as unknown as Polygonal);
  }
  return shapes;
};

export const simulatorCounty = (source: SimulatorCountySource): SimulatorCounty => {
  const shapes = gridShapes(source);
  const regions: readonly Region[] = source.regions;
  const grids: SimulatorGrid[] = regions
    .filter((r) => r.level === 'grid')
    .map((r) => {
      const geometry = shapes.get(r.code);
      return {
        code: r.code,
        path: r.path,
        communityCode: r.path[2] ?? r.code,
        centroid: r.centroid,
        shape: geometry ? { geometry, bbox: bboxOf(geometry) } : null,
      };
    });
  if (grids.length === 0) throw new Error('the simulator needs a county with grids');
  const residents = new Map(regions.map((r) => [r.code, r.residents]));
  const gridCumulative = new Float64Array(grids.length);
  let total = 0;
  grids.forEach((grid, i) => {
    total += Math.max(1, residents.get(grid.code) ?? 0);
    gridCumulative[i] = total;
  });
  const memberPool = new Map(
    regions
      .filter((r) => r.level === 'community')
      .map((r) => [r.code, Math.min(MAX_POOL, Math.max(MIN_POOL, r.partyMembers))] as const),
  );
  const stationsByCommunity = new Map<string, Station[]>();
  for (const station of source.stations) {
    const community = station.regionPath[2];
    if (community === undefined) continue;
    const list = stationsByCommunity.get(community) ?? [];
    list.push(station);
    stationsByCommunity.set(community, list);
  }
  return { grids, gridCumulative, stations: source.stations, stationsByCommunity, memberPool };
};

/** A grid chosen with probability proportional to its residents. */
export const pickGrid = (county: SimulatorCounty, rng: Rng): SimulatorGrid => {
  const cumulative = county.gridCumulative;
  const target = rng.next() * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  return county.grids[low] as SimulatorGrid;
};
