import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cleanGeometry } from '../../../../shared/logic/geo/cleanGeometry';
import { distanceToBoundaryM } from '../../../../shared/logic/geo/distanceToBoundaryM';
import { pointInPolygon } from '../../../../shared/logic/geo/pointInPolygon';
import { repairGeometry } from '../../../../shared/logic/geo/repairGeometry';
import { rewindRfc7946, signedRingArea } from '../../../../shared/logic/geo/rewind';
import { samplePointsInside } from '../../../../shared/logic/geo/samplePoints';
import { createRng } from '../../../../shared/logic/rng';
import { areaOf, rfc7946Problems } from './geoAssertions';
import { square, withHole } from './geoFixtures';

const reversed = (polygon: Polygon): Polygon => ({ type: 'Polygon', coordinates: polygon.coordinates.map((ring) => [...ring].reverse()) });

describe('rewindRfc7946', () => {
  it('winds exteriors counter-clockwise and holes clockwise, whatever it is given', () => {
    const wrong = reversed(withHole as Polygon);
    expect(rfc7946Problems(wrong)).not.toEqual([]);
    const fixed = rewindRfc7946(wrong) as Polygon;
    expect(rfc7946Problems(fixed)).toEqual([]);
    expect(signedRingArea(fixed.coordinates[0]!)).toBeGreaterThan(0);
    expect(signedRingArea(fixed.coordinates[1]!)).toBeLessThan(0);
  });
});

describe('cleanGeometry', () => {
  it('closes rings, drops repeated points and degenerate rings, and rounds coordinates', () => {
    const messy: Polygon = {
      type: 'Polygon',
      coordinates: [
        [[119.000000012, 26], [119.01, 26], [119.01, 26], [119.01, 26.01], [119, 26.01]],
        [[119.005, 26.005], [119.005, 26.005], [119.005, 26.005]],
      ],
    };
    const clean = cleanGeometry(messy, { decimals: 7 }) as Polygon;
    expect(clean.coordinates).toHaveLength(1);
    expect(clean.coordinates[0]).toEqual([[119, 26], [119.01, 26], [119.01, 26.01], [119, 26.01], [119, 26]]);
  });

  it('drops parts and holes under the sliver threshold and keeps the rest', () => {
    const tiny: Position[] = [[119.5, 26], [119.5001, 26], [119.5001, 26.0001], [119.5, 26]];
    const geometry = { type: 'MultiPolygon' as const, coordinates: [(withHole as Polygon).coordinates, [tiny]] };
    const clean = cleanGeometry(geometry, { minAreaM2: 20_000 });
    expect(clean?.type).toBe('Polygon');
    expect((clean as Polygon).coordinates).toHaveLength(2);
    expect(cleanGeometry(geometry, { minAreaM2: 1e12 })).toBeNull();
  });
});

describe('repairGeometry', () => {
  it('turns a self-crossing bow-tie into valid pieces of the same area', () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[119, 26], [119.02, 26.02], [119.02, 26], [119, 26.02], [119, 26]]] };
    const repaired = repairGeometry(bowTie)!;
    expect(repaired.type).toBe('MultiPolygon');
    const clean = cleanGeometry(repaired)!;
    expect(rfc7946Problems(clean)).toEqual([]);
    expect(areaOf(clean)).toBeGreaterThan(0);
  });
});

describe('samplePointsInside and distanceToBoundaryM', () => {
  it('samples only inside the polygon, never in its hole', () => {
    for (const [lng, lat] of samplePointsInside(createRng(5), withHole, 2000)) expect(pointInPolygon(lng!, lat!, withHole)).toBe(true);
  });

  it('measures the distance from the middle of a 2 km square to its edge as about 1 km', () => {
    const [lng, lat] = [0, 1].map((axis) => (square as Polygon).coordinates[0]!.slice(0, 4).reduce((sum, p) => sum + p[axis]! / 4, 0));
    expect(distanceToBoundaryM([lng!, lat!], square)).toBeGreaterThan(990);
    expect(distanceToBoundaryM([lng!, lat!], square)).toBeLessThan(1010);
  });
});
