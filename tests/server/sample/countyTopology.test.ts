import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Region, RegionLevel } from '../../../shared/domain/region';
import { createPointIndex } from '../../../shared/logic/geo/createPointIndex';
import type { Polygonal } from '../../../shared/logic/geo/polygonal';
import { randomPointInside } from '../../../shared/logic/geo/samplePoints';
import { createRng } from '../../../shared/logic/rng';
import type { SampleCounty } from '../../../server/sample/generateCounty';
import { areaOf, outsideM2, overlapM2, rfc7946Problems } from '../../shared/logic/geo/geoAssertions';
import { childrenByParent, generateDefaultCounty, geometryByCode, regionsAt } from './sampleCountyFixture';

/**
 * Tolerances, as a share of the smaller area involved: 0.01 %. Coordinates are rounded to 1e-8°
 * (~1 mm), which moves shared edges by far less than that; anything visible is far more.
 */
const TOLERANCE = 1e-4;

let county: SampleCounty;
let geometry: Map<string, Polygonal>;
let children: Map<string, Region[]>;

beforeAll(() => {
  county = generateDefaultCounty();
  geometry = geometryByCode(county);
  children = childrenByParent(county.regions);
});

const shapeOf = (code: string): Polygonal => {
  const shape = geometry.get(code);
  if (!shape) throw new Error(`no geometry for ${code}`);
  return shape;
};

const expectInsideParents = (level: RegionLevel) => {
  for (const region of regionsAt(county, level)) {
    const shape = shapeOf(region.code);
    expect(outsideM2(shape, shapeOf(region.parentCode!)), region.code).toBeLessThan(areaOf(shape) * TOLERANCE);
  }
};

const expectSiblingsDisjoint = (level: RegionLevel) => {
  for (const siblings of children.values()) {
    const atLevel = siblings.filter((region) => region.level === level);
    for (let i = 0; i < atLevel.length; i++) {
      for (let j = i + 1; j < atLevel.length; j++) {
        const a = shapeOf(atLevel[i]!.code);
        const b = shapeOf(atLevel[j]!.code);
        expect(overlapM2(a, b), `${atLevel[i]!.code} × ${atLevel[j]!.code}`).toBeLessThan(Math.min(areaOf(a), areaOf(b)) * TOLERANCE);
      }
    }
  }
};

/** With children inside the parent and disjoint, equal total area means no gap. */
const expectChildrenCover = (parentLevel: RegionLevel) => {
  for (const parent of regionsAt(county, parentLevel)) {
    const parentArea = areaOf(shapeOf(parent.code));
    const childArea = (children.get(parent.code) ?? []).reduce((sum, child) => sum + areaOf(shapeOf(child.code)), 0);
    expect(Math.abs(childArea - parentArea), parent.code).toBeLessThan(parentArea * TOLERANCE);
  }
};

describe('the sample county topology (seed 1, scale 1)', () => {
  it('places every grid inside its compound', () => expectInsideParents('grid'));
  it('places every compound inside its community', () => expectInsideParents('compound'));
  it('places every community inside its street', () => expectInsideParents('community'));
  it('places every street inside the county', () => expectInsideParents('street'));

  it('never overlaps two sibling grids, compounds, communities or streets', () => {
    for (const level of ['grid', 'compound', 'community', 'street'] as const) expectSiblingsDisjoint(level);
  });

  it('covers the county with its streets (total area equal within 0.01 %)', () => expectChildrenCover('county'));
  it('covers every community with its compounds, leaving no gap', () => expectChildrenCover('community'));
  it('covers every compound with its grids, leaving no gap', () => expectChildrenCover('compound'));

  it('puts every point of a community in exactly one grid', () => {
    const rng = createRng(99);
    const grids = county.features.grid.features;
    const index = createPointIndex(grids);
    for (const community of regionsAt(county, 'community')) {
      for (let i = 0; i < 40; i++) {
        const [lng, lat] = randomPointInside(rng, shapeOf(community.code)) as [number, number];
        const holders = grids.filter((grid) => booleanPointInPolygon([lng, lat], grid.geometry));
        expect(holders, `${community.code} at ${lng},${lat}`).toHaveLength(1);
        expect(holders[0]!.properties.code.startsWith(community.code)).toBe(true);
        expect(index.find(lng, lat)).toBe(holders[0]!.properties.code);
      }
    }
  });

  it('keeps communities compact: a town core of ~1 km² communities, not a township-sized block', () => {
    for (const community of regionsAt(county, 'community')) expect(areaOf(shapeOf(community.code)) / 1e6, community.code).toBeLessThan(4);
    for (const street of regionsAt(county, 'street')) {
      const town = (children.get(street.code) ?? []).reduce((sum, community) => sum + areaOf(shapeOf(community.code)), 0);
      expect(town).toBeLessThan(areaOf(shapeOf(street.code)) * 0.25);
    }
  });

  it('keeps every region in one piece', () => {
    const split = county.regions.filter((region) => region.level !== 'county' && shapeOf(region.code).type === 'MultiPolygon');
    expect(split.map((region) => region.code)).toEqual([]);
  });

  it('writes RFC 7946 GeoJSON at every level: closed right-hand rings in lng/lat, no crs', () => {
    for (const [level, collection] of Object.entries(county.features)) {
      expect(collection.type).toBe('FeatureCollection');
      expect(collection).not.toHaveProperty('crs');
      for (const feature of collection.features) {
        expect(feature.type).toBe('Feature');
        expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
        expect(rfc7946Problems(feature.geometry), `${level} ${feature.properties.code}`).toEqual([]);
      }
    }
  });

  it('uses the real Minhou outline for the county and the other 12 Fuzhou divisions as context', () => {
    const outline = county.features.county.features[0]!;
    expect(outline.properties).toEqual({ code: '350121', level: 'county', name: '闽侯县', parentCode: null, sample: false });
    // Minhou covers about 2,136 km²; the reference outline is quantised to ~100 m.
    expect(areaOf(outline.geometry) / 1e6).toBeGreaterThan(2100);
    expect(areaOf(outline.geometry) / 1e6).toBeLessThan(2170);
    const context = county.features.context.features;
    expect(context).toHaveLength(12);
    expect(context.map((feature) => feature.properties.code)).not.toContain('350121');
    expect(context.every((feature) => feature.properties.level === 'context')).toBe(true);
  });
});
