import type { Position } from 'geojson';

const pointSegmentDistanceSquared = (p: Position, a: Position, b: Position): number => {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / lengthSquared));
  const ex = a[0]! + t * dx - p[0]!;
  const ey = a[1]! + t * dy - p[1]!;
  return ex * ex + ey * ey;
};

const orientation = (a: Position, b: Position, c: Position): number =>
  Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));

const segmentsCloserThan = (a: Position, b: Position, c: Position, d: Position, epsilonSquared: number): boolean => {
  const crosses = orientation(a, b, c) * orientation(a, b, d) < 0 && orientation(c, d, a) * orientation(c, d, b) < 0;
  if (crosses) return true;
  return (
    Math.min(
      pointSegmentDistanceSquared(a, c, d),
      pointSegmentDistanceSquared(b, c, d),
      pointSegmentDistanceSquared(c, a, b),
      pointSegmentDistanceSquared(d, a, b),
    ) < epsilonSquared
  );
};

/**
 * True when no two non-adjacent edges of the closed ring cross, touch or come within `epsilon`
 * (coordinate units). Used as a guard on fast clipping results: a ring that fails is handed to the
 * robust clipper instead. Quadratic, with a bounding-box reject, which is fine for cell-sized rings.
 */
export const isSimpleRing = (ring: readonly Position[], epsilon: number): boolean => {
  const n = ring.length - 1;
  if (n < 3) return false;
  const epsilonSquared = epsilon * epsilon;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const minX = Math.min(a[0]!, b[0]!) - epsilon;
    const maxX = Math.max(a[0]!, b[0]!) + epsilon;
    const minY = Math.min(a[1]!, b[1]!) - epsilon;
    const maxY = Math.max(a[1]!, b[1]!) + epsilon;
    // Edge i's neighbours are i-1 and i+1 (and, for the first edge, the last one): they share a corner by design.
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const c = ring[j]!;
      const d = ring[j + 1]!;
      if (Math.max(c[0]!, d[0]!) < minX || Math.min(c[0]!, d[0]!) > maxX) continue;
      if (Math.max(c[1]!, d[1]!) < minY || Math.min(c[1]!, d[1]!) > maxY) continue;
      if (segmentsCloserThan(a, b, c, d, epsilonSquared)) return false;
    }
  }
  return true;
};
