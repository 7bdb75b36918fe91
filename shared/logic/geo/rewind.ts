import type { Position } from 'geojson';
import { fromPolygons, polygonsOf, type Polygonal } from './polygonal';

/** Shoelace area in coordinate units; positive for counter-clockwise rings (lng east, lat north). */
export const signedRingArea = (ring: readonly Position[]): number => {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return twice / 2;
};

const oriented = (ring: Position[], counterClockwise: boolean): Position[] =>
  signedRingArea(ring) > 0 === counterClockwise ? ring : [...ring].reverse();

/**
 * RFC 7946 §3.1.6 winding: exterior rings counter-clockwise, holes clockwise. The reference data
 * comes clockwise (the echarts convention), and clipping libraries return either; MapLibre and
 * strict validators expect the right-hand rule.
 */
export const rewindRfc7946 = (geometry: Polygonal): Polygonal =>
  fromPolygons(polygonsOf(geometry).map((rings) => rings.map((ring, i) => oriented(ring, i === 0)))) ?? geometry;
