import type { Position } from 'geojson';
import { pointInPolygon } from './pointInPolygon';
import { polygonsOf, type Polygonal } from './polygonal';
import { signedRingArea } from './rewind';

/**
 * Area-weighted planar centroid in lng/lat. Over a few kilometres the lng/lat plane is a good
 * enough projection for a label or a station position; exterior rings add, holes subtract.
 * Coordinates are taken relative to the first vertex: cross products of raw values near
 * (119, 26) cancel catastrophically and would cost millimetres.
 */
export const planarCentroid = (geometry: Polygonal): Position => {
  const polygons = polygonsOf(geometry);
  const [ox, oy] = (polygons[0]?.[0]?.[0] ?? [0, 0]) as [number, number];
  let sumArea = 0;
  let sumX = 0;
  let sumY = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      // Exteriors add and holes subtract whatever way the ring happens to wind.
      const sign = (index === 0 ? 1 : -1) * (Math.sign(signedRingArea(ring)) || 1);
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const xj = ring[j]![0]! - ox;
        const yj = ring[j]![1]! - oy;
        const xi = ring[i]![0]! - ox;
        const yi = ring[i]![1]! - oy;
        const cross = xj * yi - xi * yj;
        sumArea += sign * cross;
        sumX += sign * (xj + xi) * cross;
        sumY += sign * (yj + yi) * cross;
      }
    });
  }
  if (sumArea === 0) return [ox, oy];
  return [ox + sumX / (3 * sumArea), oy + sumY / (3 * sumArea)];
};

const largestPolygon = (geometry: Polygonal): Position[][] => {
  let best: Position[][] = [];
  let bestArea = -1;
  for (const polygon of polygonsOf(geometry)) {
    const size = Math.abs(signedRingArea(polygon[0] ?? []));
    if (size > bestArea) [best, bestArea] = [polygon, size];
  }
  return best;
};

/**
 * A point strictly inside the polygon (the JTS interior-point method): a horizontal scan line at a
 * height no vertex has, near the middle, and the midpoint of its widest inside stretch.
 */
export const pointOnSurface = (geometry: Polygonal): Position => {
  const polygon = largestPolygon(geometry);
  const ys = polygon.flatMap((ring) => ring.map((p) => p[1] as number));
  const middle = (Math.min(...ys) + Math.max(...ys)) / 2;
  let below = -Infinity;
  let above = Infinity;
  for (const y of ys) {
    if (y <= middle && y > below) below = y;
    if (y > middle && y < above) above = y;
  }
  const scanY = Number.isFinite(above) ? (below + above) / 2 : middle;
  const crossings: number[] = [];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > scanY !== yj > scanY) crossings.push(xi + ((scanY - yi) * (xj - xi)) / (yj - yi));
    }
  }
  crossings.sort((a, b) => a - b);
  let bestX = crossings[0] ?? 0;
  let bestWidth = -1;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const width = crossings[i + 1]! - crossings[i]!;
    if (width > bestWidth) [bestX, bestWidth] = [(crossings[i]! + crossings[i + 1]!) / 2, width];
  }
  return [bestX, scanY];
};

/** Where a region's label, centroid field and default marker go: the centroid when it is inside, else a surface point. */
export const labelPoint = (geometry: Polygonal): Position => {
  const centroid = planarCentroid(geometry);
  return pointInPolygon(centroid[0]!, centroid[1]!, geometry) ? centroid : pointOnSurface(geometry);
};
