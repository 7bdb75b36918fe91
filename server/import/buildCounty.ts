import type { Region, RegionLevel } from '../../shared/domain/region';
import { REGION_LEVELS } from '../../shared/domain/region';
import type { Station } from '../../shared/domain/station';
import { labelPoint } from '../../shared/logic/geo/labelPoint';
import { pointInPolygon } from '../../shared/logic/geo/pointInPolygon';
import type { Polygonal } from '../../shared/logic/geo/polygonal';
import type { MapLevel, RegionFeature } from '../county/CountyIndex';
import { STORED_COUNTY_VERSION, type StoredCounty } from '../county/StoredCounty';
import type { GridAttributes } from './readAttributes';
import type { Division } from './readDivisions';
import type { RecodedDivision } from './recodeDivisions';
import { pathOf } from './readStations';

const round7 = (value: number): number => Math.round(value * 1e7) / 1e7;

/** Label point, rounded to ~1 cm unless rounding would move it out of a sliver. */
const centroidOf = (geometry: Polygonal): [number, number] => {
  const [lng, lat] = labelPoint(geometry) as [number, number];
  const rounded: [number, number] = [round7(lng), round7(lat)];
  return pointInPolygon(rounded[0], rounded[1], geometry) ? rounded : [lng, lat];
};

/** Parents hold the sums of their children, from the grids up; branches: a grid's from the data pool, a compound's from three members. */
const figuresOf = (divisions: readonly Division[], attributes: ReadonlyMap<string, GridAttributes>) => {
  const figures = new Map(divisions.map((division) => [division.code, { households: 0, residents: 0, partyMembers: 0, buildings: 0 }]));
  const byCode = new Map(divisions.map((division) => [division.code, division]));
  for (const [code, grid] of attributes) {
    for (let at = byCode.get(code); at; at = at.parentCode ? byCode.get(at.parentCode) : undefined) {
      const sum = figures.get(at.code)!;
      sum.households += grid.households;
      sum.residents += grid.residents;
      sum.partyMembers += grid.partyMembers;
      sum.buildings += grid.buildings;
    }
  }
  return figures;
};

const hasBranch = (level: RegionLevel, partyMembers: number, grid: GridAttributes | undefined): boolean =>
  level === 'grid' ? (grid?.hasBranch ?? false) : level === 'compound' ? partyMembers >= 3 : true;

/** Checked divisions, attributes and stations (all WGS-84) as the stored county. */
export const buildCounty = (
  divisions: readonly Division[],
  attributes: ReadonlyMap<string, GridAttributes>,
  stations: Station[],
  context: readonly { code: string; name: string; geometry: Polygonal }[],
  sources: StoredCounty['sources'],
  now: Date,
): StoredCounty => {
  const byCode = new Map(divisions.map((division) => [division.code, division]));
  const figures = figuresOf(divisions, attributes);
  const ordered = [...divisions].sort((a, b) => REGION_LEVELS.indexOf(a.level) - REGION_LEVELS.indexOf(b.level) || a.code.localeCompare(b.code));
  const regions: Region[] = ordered.map((division) => {
    const sums = figures.get(division.code)!;
    return {
      code: division.code,
      level: division.level,
      name: division.name,
      parentCode: division.parentCode,
      path: pathOf(division, byCode),
      centroid: centroidOf(division.geometry),
      households: sums.households,
      residents: sums.residents,
      partyMembers: sums.partyMembers,
      hasBranch: division.hasBranch ?? hasBranch(division.level, sums.partyMembers, attributes.get(division.code)),
      sample: division.sample,
    };
  });
  const feature = (division: Division): RegionFeature => ({
    type: 'Feature',
    properties: {
      code: division.code,
      level: division.level,
      name: division.name,
      parentCode: division.parentCode,
      sample: division.sample,
      ...(division.level === 'grid' ? { buildings: figures.get(division.code)!.buildings } : {}),
      ...((division as RecodedDivision).sourceCode ? { sourceCode: (division as RecodedDivision).sourceCode } : {}),
    },
    geometry: division.geometry,
  });
  const features = Object.fromEntries(
    REGION_LEVELS.map((level) => [level, { type: 'FeatureCollection', features: ordered.filter((division) => division.level === level).map(feature) }]),
  ) as Record<MapLevel, StoredCounty['features'][MapLevel]>;
  features.context = {
    type: 'FeatureCollection',
    features: context.map((division) => ({
      type: 'Feature' as const,
      properties: { code: division.code, level: 'context', name: division.name, parentCode: null, sample: false },
      geometry: division.geometry,
    })),
  };
  return { format: 'jinlin-county', version: STORED_COUNTY_VERSION, datum: 'WGS84', importedAt: now.toISOString(), sources, regions, features, stations };
};
