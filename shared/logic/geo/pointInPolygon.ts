import type { Position } from 'geojson';
import { polygonsOf, type Polygonal } from './polygonal';

/** Even-odd ray casting against one ring (closed or not; a repeated closing point adds no crossing). */
export const pointInRing = (lng: number, lat: number, ring: readonly Position[]): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

/**
 * Whether a point lies inside a polygon or multipolygon (inside an exterior ring and outside its
 * holes). Points exactly on an edge may go either way: callers treat the boundary as measure zero.
 */
export const pointInPolygon = (lng: number, lat: number, geometry: Polygonal): boolean => {
  for (const polygon of polygonsOf(geometry)) {
    let inside = false;
    // Even-odd across exterior and holes: a point in a hole crosses both, so it counts as outside.
    for (const ring of polygon) if (pointInRing(lng, lat, ring)) inside = !inside;
    if (inside) return true;
  }
  return false;
};
