import { feature, featureCollection, intersect } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { clipConvexCell } from '../../../../shared/logic/geo/clipConvexCell';
import { bboxOf } from '../../../../shared/logic/geo/polygonal';
import { createRng } from '../../../../shared/logic/rng';
import { areaOf, outsideM2, rfc7946Problems } from './geoAssertions';
import { SHAPES } from './geoFixtures';

/** A random convex polygon (a regular-ish n-gon) somewhere over the bounding box. */
const randomConvexCell = (rng: ReturnType<typeof createRng>, [minX, minY, maxX, maxY]: number[]): Position[] => {
  const cx = rng.float(minX!, maxX!);
  const cy = rng.float(minY!, maxY!);
  const radius = rng.float(0.05, 0.6) * (maxX! - minX!);
  const corners = rng.int(3, 8);
  const start = rng.float(0, Math.PI);
  const ring: Position[] = Array.from({ length: corners }, (_, i) => {
    const angle = start + (2 * Math.PI * i) / corners;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
  return [...ring, ring[0]!];
};

describe('clipConvexCell', () => {
  it.each(SHAPES)('cuts the same area out of %s as the general polygon clipper', (_, parent) => {
    const rng = createRng(11);
    for (let i = 0; i < 60; i++) {
      const cell = randomConvexCell(rng, bboxOf(parent));
      const fast = clipConvexCell(cell, parent);
      const reference = intersect(featureCollection([feature({ type: 'Polygon', coordinates: [cell] }), feature(parent)]));
      if (!reference) {
        expect(fast).toBeNull();
        continue;
      }
      expect(fast).not.toBeNull();
      const referenceArea = areaOf(reference.geometry);
      expect(Math.abs(areaOf(fast!) - referenceArea)).toBeLessThan(referenceArea * 1e-6 + 1e-3);
      expect(outsideM2(fast!, parent)).toBeLessThan(referenceArea * 1e-6 + 1e-3);
    }
  });

  it('keeps a hole wholly inside the cell as a hole and drops one wholly outside', () => {
    const [, block] = SHAPES[2]!;
    const [minX, minY, maxX, maxY] = bboxOf(block);
    const around: Position[] = [[minX - 1, minY - 1], [maxX + 1, minY - 1], [maxX + 1, maxY + 1], [minX - 1, maxY + 1], [minX - 1, minY - 1]];
    expect(clipConvexCell(around, block)).toEqual(block);
    // A sliver along the left edge, well clear of the courtyard in the middle third.
    const leftStrip: Position[] = [[minX - 1, minY - 1], [minX + (maxX - minX) / 6, minY - 1], [minX + (maxX - minX) / 6, maxY + 1], [minX - 1, maxY + 1], [minX - 1, minY - 1]];
    const strip = clipConvexCell(leftStrip, block)!;
    expect(strip.type === 'Polygon' && strip.coordinates).toHaveLength(1);
    // 0.5 km × 3 km out of a 3 km square block less its 1 km² courtyard: 1.5 / 8 of the area.
    expect(areaOf(strip)).toBeCloseTo(areaOf(block) * (1.5 / 8), -3);
  });

  it('accepts a clockwise cell and returns rings wound the RFC 7946 way', () => {
    const [, square] = SHAPES[0]!;
    const [minX, minY, maxX, maxY] = bboxOf(square);
    const midX = (minX + maxX) / 2;
    const clockwise: Position[] = [[midX, minY - 1], [midX, maxY + 1], [maxX + 1, maxY + 1], [maxX + 1, minY - 1], [midX, minY - 1]];
    const half = clipConvexCell(clockwise, square)!;
    expect(areaOf(half)).toBeCloseTo(areaOf(square) / 2, -1);
    expect(rfc7946Problems(half)).toEqual([]);
  });
});
