/** A [lng, lat] position. */
export type Position = [number, number];

/**
 * A point strictly inside a simple polygon ring: cross the ring with a horizontal line through
 * the middle of its extent and take the middle of the widest inside interval. The vertex average
 * can fall outside a concave grid; this cannot (for a ring without self-intersections).
 */
export const pointOnSurface = (ring: readonly Position[]): Position | null => {
  if (ring.length < 4) return null;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const [, lat] of ring) {
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  // Slightly off the exact middle, so the line does not pass through a vertex of a regular shape.
  const y = minLat + (maxLat - minLat) * 0.5001;
  const crossings: number[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as Position;
    const [x2, y2] = ring[i + 1] as Position;
    if ((y1 <= y && y < y2) || (y2 <= y && y < y1)) crossings.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
  }
  crossings.sort((a, b) => a - b);
  let best: Position | null = null;
  let bestWidth = 0;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const left = crossings[i] as number;
    const right = crossings[i + 1] as number;
    if (right - left > bestWidth) {
      bestWidth = right - left;
      best = [(left + right) / 2, y];
    }
  }
  return best;
};
