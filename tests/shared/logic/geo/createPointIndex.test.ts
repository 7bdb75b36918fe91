import { booleanPointInPolygon } from '@turf/turf';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createPointIndex } from '../../../../shared/logic/geo/createPointIndex';
import { partitionPolygon } from '../../../../shared/logic/geo/partitionPolygon';
import { bboxOf, type Polygonal } from '../../../../shared/logic/geo/polygonal';
import { createRng } from '../../../../shared/logic/rng';
import { SHAPES, shiftedEast } from './geoFixtures';

type GridFeature = Feature<Polygonal, { code: string }>;

/** Every fixture shape side by side, 6 km apart: holes, islands, a comb. */
const parents = SHAPES.map(([, shape], s) => shiftedEast(shape, s * 6));

/** Grids cut from the parents: a few hundred polygons with awkward edges. */
const grids: GridFeature[] = parents.flatMap((shape, s) =>
  partitionPolygon(shape, 60, createRng(s)).map(
    (cell, i): GridFeature => ({ type: 'Feature', properties: { code: `G${s}-${i}` }, geometry: cell.geometry }),
  ),
);

const bruteForce = (lng: number, lat: number): string | null =>
  grids.find((grid) => booleanPointInPolygon([lng, lat], grid.geometry))?.properties.code ?? null;

describe('createPointIndex', () => {
  const index = createPointIndex(grids);

  it('agrees with a brute-force scan on thousands of random points, inside and outside the grids', () => {
    const rng = createRng(2024);
    const bounds = grids.map((grid) => bboxOf(grid.geometry));
    const minX = Math.min(...bounds.map((b) => b[0])) - 0.01;
    const minY = Math.min(...bounds.map((b) => b[1])) - 0.01;
    const maxX = Math.max(...bounds.map((b) => b[2])) + 0.01;
    const maxY = Math.max(...bounds.map((b) => b[3])) + 0.01;
    let inside = 0;
    for (let i = 0; i < 5000; i++) {
      const lng = rng.float(minX, maxX);
      const lat = rng.float(minY, maxY);
      const expected = bruteForce(lng, lat);
      expect(index.find(lng, lat)).toBe(expected);
      if (expected) inside++;
    }
    // Both answers must be exercised, or the agreement above proves little.
    expect(inside).toBeGreaterThan(500);
    expect(inside).toBeLessThan(4500);
  });

  it('finds nothing in a courtyard hole, far away, or at a non-finite position', () => {
    // The middle of the courtyard block lies in its hole.
    const [minX, minY, maxX, maxY] = bboxOf(parents[2]!);
    expect(index.find((minX + maxX) / 2, (minY + maxY) / 2)).toBeNull();
    expect(index.find(0, 0)).toBeNull();
    expect(index.find(Number.NaN, 26)).toBeNull();
  });

  it('reports its size and answers null when empty', () => {
    expect(index.size).toBe(grids.length);
    expect(createPointIndex([]).find(119.3, 26.05)).toBeNull();
  });
});
