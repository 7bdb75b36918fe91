import type { RegionCollection, RegionFeature } from '../../api/fetchRegions';
import type { RegionLevel } from '../../../shared/domain/region';
import { boundsOf, type LngLatBox } from './boundsOf';
import { labelPointsOf } from './labelPointsOf';
import type { RegionsByLevel } from './showRegions';

/** What the live layers need to know of one region of the hierarchy (not its outline). */
export interface RegionEntry {
  code: string;
  level: RegionLevel;
  name: string;
  parentCode: string | null;
  households: number;
  bounds: LngLatBox | null;
  /** For compounds: a point well inside the region, where its label goes and its coverage is judged. */
  labelPoint: [number, number] | null;
}

export interface RegionIndex {
  readonly countyCode: string;
  get(code: string): RegionEntry | undefined;
  childrenOf(code: string): readonly string[];
  atLevel(level: RegionLevel): readonly RegionEntry[];
}

const HIERARCHY: readonly RegionLevel[] = ['county', 'street', 'community', 'compound', 'grid'];

const entryOf = (feature: RegionFeature, level: RegionLevel, labelPoint: [number, number] | null): RegionEntry => ({
  code: feature.properties.code,
  level,
  name: feature.properties.name,
  parentCode: feature.properties.parentCode,
  households: feature.properties.households ?? 0,
  bounds: boundsOf({ type: 'FeatureCollection', features: [feature] }),
  labelPoint,
});

const labelPointsByCode = (collection: RegionCollection): Map<string, [number, number]> => {
  const points = new Map<string, [number, number]>();
  for (const point of labelPointsOf(collection).features) {
    const [lng, lat] = point.geometry.coordinates;
    if (lng !== undefined && lat !== undefined) points.set(point.properties.code, [lng, lat]);
  }
  return points;
};

/** Indexes the county's hierarchy (not the context districts) by code, once per region load. */
export const createRegionIndex = (regions: RegionsByLevel): RegionIndex => {
  const byCode = new Map<string, RegionEntry>();
  const children = new Map<string, string[]>();
  const byLevel = new Map<RegionLevel, RegionEntry[]>();
  for (const level of HIERARCHY) {
    // Only the compounds need a point (the service-circle gaps are judged at it); the rest skip the work.
    const points = level === 'compound' ? labelPointsByCode(regions[level]) : new Map<string, [number, number]>();
    const entries = regions[level].features.map((feature) => entryOf(feature, level, points.get(feature.properties.code) ?? null));
    byLevel.set(level, entries);
    for (const entry of entries) {
      byCode.set(entry.code, entry);
      if (!entry.parentCode) continue;
      const siblings = children.get(entry.parentCode);
      if (siblings) siblings.push(entry.code);
      else children.set(entry.parentCode, [entry.code]);
    }
  }
  const county = byLevel.get('county')?.[0];
  if (!county) throw new Error('the regions hold no county');
  return {
    countyCode: county.code,
    get: (code) => byCode.get(code),
    childrenOf: (code) => children.get(code) ?? [],
    atLevel: (level) => byLevel.get(level) ?? [],
  };
};
