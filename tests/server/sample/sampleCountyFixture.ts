import type { Region, RegionLevel } from '../../../shared/domain/region';
import type { Polygonal } from '../../../shared/logic/geo/polygonal';
import { generateCounty, type SampleCounty } from '../../../server/sample/generateCounty';
import { readReferenceData } from '../../../server/sample/referenceData';

/** Read once per test file: every generation in a file shares it. */
export const reference = readReferenceData();

/** The default demo county (seed 1, scale 1). */
export const generateDefaultCounty = (): SampleCounty => generateCounty({ seed: 1, scale: 1, reference });

export const regionsAt = (county: SampleCounty, level: RegionLevel): Region[] => county.regions.filter((region) => region.level === level);

export const geometryByCode = (county: SampleCounty): Map<string, Polygonal> => {
  const map = new Map<string, Polygonal>();
  for (const level of ['county', 'street', 'community', 'compound', 'grid'] as const) {
    for (const feature of county.features[level].features) map.set(feature.properties.code, feature.geometry);
  }
  return map;
};

/** Children grouped under their parent's code. */
export const childrenByParent = (regions: readonly Region[]): Map<string, Region[]> => {
  const map = new Map<string, Region[]>();
  for (const region of regions) {
    if (region.parentCode === null) continue;
    map.set(region.parentCode, [...(map.get(region.parentCode) ?? []), region]);
  }
  return map;
};
