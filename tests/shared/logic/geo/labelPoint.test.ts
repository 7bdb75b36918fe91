import { describe, expect, it } from 'vitest';
import { labelPoint, planarCentroid, pointOnSurface } from '../../../../shared/logic/geo/labelPoint';
import { pointInPolygon } from '../../../../shared/logic/geo/pointInPolygon';
import { SHAPES, square, uShape, withHole } from './geoFixtures';
import { bboxOf } from '../../../../shared/logic/geo/polygonal';

describe('labelPoint', () => {
  it('is the centroid of a convex shape', () => {
    const [minX, minY, maxX, maxY] = bboxOf(square);
    const [lng, lat] = labelPoint(square);
    expect(lng).toBeCloseTo((minX + maxX) / 2, 9);
    expect(lat).toBeCloseTo((minY + maxY) / 2, 9);
  });

  it('moves onto the surface when the centroid falls outside (a U shape, a courtyard block)', () => {
    for (const shape of [uShape, withHole]) {
      const centroid = planarCentroid(shape);
      expect(pointInPolygon(centroid[0]!, centroid[1]!, shape)).toBe(false);
      const label = labelPoint(shape);
      expect(pointInPolygon(label[0]!, label[1]!, shape)).toBe(true);
    }
  });

  it.each(SHAPES)('puts the surface point strictly inside %s', (_, shape) => {
    const [lng, lat] = pointOnSurface(shape);
    expect(pointInPolygon(lng!, lat!, shape)).toBe(true);
  });
});
