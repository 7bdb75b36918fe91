import type { MultiPolygon, Polygon, Position } from 'geojson';

/** The areal geometries the region hierarchy uses: a region may be one piece or several. */
export type Polygonal = Polygon | MultiPolygon;

/** [minLng, minLat, maxLng, maxLat]. */
export type BBox = [number, number, number, number];

/** Every polygon of a geometry as rings, so callers need not branch on the geometry type. */
export const polygonsOf = (geometry: Polygonal): Position[][][] =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

/** The simplest geometry for a list of polygons: null for none, a Polygon for one. */
export const fromPolygons = (polygons: Position[][][]): Polygonal | null => {
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] as Position[][] };
  return { type: 'MultiPolygon', coordinates: polygons };
};

export const bboxOf = (geometry: Polygonal): BBox => {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    // Holes lie inside their exterior ring, so the exterior alone bounds the polygon.
    for (const [x, y] of polygon[0] ?? []) {
      if ((x as number) < minX) minX = x as number;
      if ((x as number) > maxX) maxX = x as number;
      if ((y as number) < minY) minY = y as number;
      if ((y as number) > maxY) maxY = y as number;
    }
  }
  return [minX, minY, maxX, maxY];
};
