import { bboxPolygon, feature, featureCollection, intersect } from '@turf/turf';
import { bboxOf, type Polygonal } from './polygonal';

/**
 * Resolves self-intersections, bow-ties and overlapping parts by running the geometry through the
 * polygon clipper once (intersection with its own, slightly larger, bounding box). The reference
 * outlines are quantised to ~100 m, which folds some narrow spits over themselves; clipping and
 * point-in-polygon give inconsistent answers on such rings until they are repaired.
 */
export const repairGeometry = (geometry: Polygonal): Polygonal | null => {
  const [minX, minY, maxX, maxY] = bboxOf(geometry);
  const pad = Math.max(maxX - minX, maxY - minY) * 0.01 + 1e-6;
  const frame = bboxPolygon([minX - pad, minY - pad, maxX + pad, maxY + pad]);
  return intersect(featureCollection([feature(geometry), frame]))?.geometry ?? null;
};
