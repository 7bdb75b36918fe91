import type { MapLevel, RegionCollection, RegionFeature } from '../../../client/api/fetchRegions';
import { createRegionIndex, type RegionIndex } from '../../../client/map/regions/regionIndex';
import type { RegionsByLevel } from '../../../client/map/regions/showRegions';

export { COMMUNITY, COMPOUND, COUNTY, GRID, HOUR, MINUTE, PATH, STREET, T0, makeCheckin, makeIncident, makeStation } from '../../shared/logic/logicFixtures';

/** A square region of `sizeDeg` with its south-west corner at (lng, lat). */
export const squareRegion = (
  code: string,
  level: MapLevel,
  [lng, lat]: [number, number],
  sizeDeg: number,
  households = 1000,
): RegionFeature => ({
  type: 'Feature',
  properties: { code, level, name: `区域${code}`, parentCode: code.length > 6 ? parentOf(code) : null, sample: true, households },
  geometry: {
    type: 'Polygon',
    coordinates: [[[lng, lat], [lng + sizeDeg, lat], [lng + sizeDeg, lat + sizeDeg], [lng, lat + sizeDeg], [lng, lat]]],
  },
});

const parentOf = (code: string): string => code.slice(0, { 9: 6, 12: 9, 15: 12, 17: 15 }[code.length] ?? 6);

const collection = (features: RegionFeature[]): RegionCollection => ({ type: 'FeatureCollection', features });

/**
 * A tiny county near Minhou: two streets side by side, each with one community; the first community
 * has two compounds (the second without households), the first compound two grids.
 */
export const sampleRegions = (): RegionsByLevel => ({
  context: collection([]),
  county: collection([squareRegion('350121', 'county', [119, 26], 0.2)]),
  street: collection([squareRegion('350121001', 'street', [119, 26], 0.1), squareRegion('350121002', 'street', [119.1, 26], 0.1)]),
  community: collection([
    squareRegion('350121001001', 'community', [119, 26], 0.05, 4000),
    squareRegion('350121002001', 'community', [119.1, 26], 0.05, 2000),
  ]),
  compound: collection([
    squareRegion('350121001001001', 'compound', [119, 26], 0.02, 1000),
    squareRegion('350121001001002', 'compound', [119.03, 26.03], 0.02, 0),
  ]),
  grid: collection([
    squareRegion('35012100100100101', 'grid', [119, 26], 0.01, 500),
    squareRegion('35012100100100102', 'grid', [119.01, 26], 0.01, 500),
  ]),
});

export const sampleIndex = (): RegionIndex => createRegionIndex(sampleRegions());

/** The path of the first grid of the sample county, for incidents placed there. */
export const SAMPLE_GRID_PATH = ['350121', '350121001', '350121001001', '350121001001001', '35012100100100101'];
