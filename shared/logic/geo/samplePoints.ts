import type { Position } from 'geojson';
import type { Rng } from '../rng';
import { pointInPolygon } from './pointInPolygon';
import { bboxOf, type BBox, type Polygonal } from './polygonal';

/** Rejection sampling gives up after this many misses per point: only a degenerate shape gets there. */
const MAX_ATTEMPTS_PER_POINT = 10_000;

/** A uniformly random point strictly inside the geometry (uniform in lng/lat, which is what a few km need). */
export const randomPointInside = (rng: Rng, geometry: Polygonal, bbox: BBox = bboxOf(geometry)): Position => {
  const [minX, minY, maxX, maxY] = bbox;
  for (let attempt = 0; attempt < MAX_ATTEMPTS_PER_POINT; attempt++) {
    const x = rng.float(minX, maxX);
    const y = rng.float(minY, maxY);
    if (pointInPolygon(x, y, geometry)) return [x, y];
  }
  throw new Error('randomPointInside: the geometry has no measurable area');
};

export const samplePointsInside = (rng: Rng, geometry: Polygonal, count: number): Position[] => {
  const bbox = bboxOf(geometry);
  return Array.from({ length: count }, () => randomPointInside(rng, geometry, bbox));
};
