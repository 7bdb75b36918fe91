import type { Position } from 'geojson';
import { polygonsOf, type Polygonal } from './polygonal';

/** Metres per degree of latitude on the mean Earth sphere (turf's radius). */
export const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/**
 * Distance in metres from a point to the nearest edge of any ring, in a local equirectangular
 * projection around the point: exact enough within a county, and cheap to run on many candidates.
 */
export const distanceToBoundaryM = (point: Position, geometry: Polygonal): number => {
  const [px, py] = point as [number, number];
  const kx = Math.cos((py * Math.PI) / 180);
  let best = Infinity;
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const ax = (ring[i - 1]![0]! - px) * kx;
        const ay = ring[i - 1]![1]! - py;
        const bx = (ring[i]![0]! - px) * kx;
        const by = ring[i]![1]! - py;
        const dx = bx - ax;
        const dy = by - ay;
        const lengthSquared = dx * dx + dy * dy;
        const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
        const cx = ax + t * dx;
        const cy = ay + t * dy;
        best = Math.min(best, cx * cx + cy * cy);
      }
    }
  }
  return Math.sqrt(best) * METRES_PER_DEGREE;
};
