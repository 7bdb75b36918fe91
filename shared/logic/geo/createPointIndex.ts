import Flatbush from 'flatbush';
import type { Feature } from 'geojson';
import { pointInPolygon } from './pointInPolygon';
import { bboxOf, type Polygonal } from './polygonal';

export interface PointIndex {
  /** How many features the index holds. */
  readonly size: number;
  /** The code of the feature containing the point, or null when none does (first one found on a shared edge). */
  find(lng: number, lat: number): string | null;
}

/**
 * A point-in-polygon index over region polygons (typically the grids): a packed R-tree (flatbush)
 * over bounding boxes narrows thousands of polygons to the few whose box holds the point, and an
 * exact ray-casting test picks the one that contains it. Built once per geometry set; lookups are
 * what ingest does for every located report.
 */
export const createPointIndex = <P extends { code: string }>(features: readonly Feature<Polygonal, P>[]): PointIndex => {
  const geometries = features.map((feature) => feature.geometry);
  const codes = features.map((feature) => feature.properties.code);
  if (features.length === 0) return { size: 0, find: () => null };
  const tree = new Flatbush(features.length);
  for (const geometry of geometries) {
    const [minX, minY, maxX, maxY] = bboxOf(geometry);
    tree.add(minX, minY, maxX, maxY);
  }
  tree.finish();
  return {
    size: features.length,
    find: (lng, lat) => {
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null;
      const candidates = tree.search(lng, lat, lng, lat);
      // Search order depends on the tree layout; sort so a point on a shared edge always gets the same answer.
      candidates.sort((a, b) => a - b);
      for (const index of candidates) if (pointInPolygon(lng, lat, geometries[index]!)) return codes[index]!;
      return null;
    },
  };
};
