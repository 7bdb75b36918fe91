import { beforeAll, describe, expect, it } from 'vitest';
import { createPointIndex } from '../../../shared/logic/geo/createPointIndex';
import { randomPointInside } from '../../../shared/logic/geo/samplePoints';
import { createRng } from '../../../shared/logic/rng';
import { generateCounty, type SampleCounty } from '../../../server/sample/generateCounty';
import { areaOf } from '../../shared/logic/geo/geoAssertions';
import { reference, regionsAt } from './sampleCountyFixture';

/** The benchmark county: one generation for the whole file (several seconds), so checks here are the cheap ones. */
let county: SampleCounty;
let base: SampleCounty;

beforeAll(() => {
  base = generateCounty({ seed: 7, scale: 1, reference });
  county = generateCounty({ seed: 7, scale: 10, reference });
}, 120_000);

const sumArea = (features: SampleCounty['features']['grid']['features']): number => features.reduce((sum, f) => sum + areaOf(f.geometry), 0);

describe('the sample county at scale 10 (benchmarks)', () => {
  it('has about ten times the compounds and grids of scale 1, with the village committees as communities', () => {
    const villages = reference.streets.reduce((sum, street) => sum + street.villages.length, 0);
    expect(regionsAt(county, 'community')).toHaveLength(44 + villages);
    for (const level of ['compound', 'grid'] as const) {
      const ratio = regionsAt(county, level).length / regionsAt(base, level).length;
      expect(ratio, level).toBeGreaterThan(8.5);
      expect(ratio, level).toBeLessThan(11.5);
    }
  });

  it('keeps codes unique and each under its parent', () => {
    expect(new Set(county.regions.map((r) => r.code)).size).toBe(county.regions.length);
    for (const region of county.regions) if (region.parentCode) expect(region.code.startsWith(region.parentCode)).toBe(true);
  });

  it('covers the whole county with communities, compounds and grids (areas equal within 0.01 %)', () => {
    const countyArea = sumArea(county.features.county.features);
    for (const level of ['street', 'community', 'compound', 'grid'] as const) {
      expect(Math.abs(sumArea(county.features[level].features) - countyArea), level).toBeLessThan(countyArea * 1e-4);
    }
  });

  it('puts random points of every community in exactly one of its own grids', () => {
    const index = createPointIndex(county.features.grid.features);
    const rng = createRng(5);
    for (const community of county.features.community.features) {
      for (let i = 0; i < 5; i++) {
        const [lng, lat] = randomPointInside(rng, community.geometry) as [number, number];
        expect(index.find(lng, lat)?.startsWith(community.properties.code), community.properties.code).toBe(true);
      }
    }
  });
});
