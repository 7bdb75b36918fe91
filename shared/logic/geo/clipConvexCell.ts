import type { Position } from 'geojson';
import { clipToParent } from './clipToParent';
import { isSimpleRing } from './isSimpleRing';
import { fromPolygons, polygonsOf, type Polygonal } from './polygonal';
import { signedRingArea } from './rewind';

/** Closer than this (degrees, ~1 mm) counts as touching: such results go to the robust clipper. */
const TOUCH_EPSILON = 1e-8;

/** Sutherland–Hodgman: the open ring `subject` clipped to the half-plane left of a→b. */
const clipToHalfPlane = (subject: Position[], a: Position, b: Position): Position[] => {
  const ex = b[0]! - a[0]!;
  const ey = b[1]! - a[1]!;
  const side = (p: Position): number => ex * (p[1]! - a[1]!) - ey * (p[0]! - a[0]!);
  const out: Position[] = [];
  for (let i = 0; i < subject.length; i++) {
    const s = subject[(i + subject.length - 1) % subject.length]!;
    const e = subject[i]!;
    const sideS = side(s);
    const sideE = side(e);
    if (sideE >= 0 !== sideS >= 0) {
      const t = sideS / (sideS - sideE);
      out.push([s[0]! + t * (e[0]! - s[0]!), s[1]! + t * (e[1]! - s[1]!)]);
    }
    if (sideE >= 0) out.push(e);
  }
  return out;
};

const closeRing = (open: Position[]): Position[] | null => {
  const ring = open.filter((p, i) => {
    const q = open[(i + open.length - 1) % open.length]!;
    return p[0] !== q[0] || p[1] !== q[1];
  });
  return ring.length >= 3 ? [...ring, ring[0]!] : null;
};

const clipRing = (window: Position[], ring: Position[]): Position[] => {
  let subject = ring.slice(0, -1);
  for (let i = 0; i + 1 < window.length && subject.length > 0; i++) subject = clipToHalfPlane(subject, window[i]!, window[i + 1]!);
  return subject;
};

/** Strictly inside every edge of the counter-clockwise convex window. */
const insideWindow = (window: Position[], p: Position): boolean => {
  for (let i = 0; i + 1 < window.length; i++) {
    const a = window[i]!;
    const b = window[i + 1]!;
    if ((b[0]! - a[0]!) * (p[1]! - a[1]!) - (b[1]! - a[1]!) * (p[0]! - a[0]!) <= 0) return false;
  }
  return true;
};

/** A hole wholly inside the window stays a hole, one wholly outside drops out; one across the edge needs the general clipper. */
const holeFate = (window: Position[], hole: Position[]): 'inside' | 'outside' | 'crossing' => {
  if (hole.every((p) => insideWindow(window, p))) return 'inside';
  const clipped = closeRing(clipRing(window, hole));
  return !clipped || signedRingArea(clipped) === 0 ? 'outside' : 'crossing';
};

/** Convex-window clipping of one polygon; undefined when the fast path cannot vouch for the result. */
const clipPolygonFast = (window: Position[], polygon: Position[][]): Position[][] | null | undefined => {
  const ring = polygon[0] && closeRing(clipRing(window, polygon[0]));
  if (!ring || signedRingArea(ring) === 0) return null;
  // A concave parent cut into pieces comes back as one ring joined by zero-width bridges: not simple.
  if (!isSimpleRing(ring, TOUCH_EPSILON)) return undefined;
  const holes: Position[][] = [];
  for (const hole of polygon.slice(1)) {
    const fate = holeFate(window, hole);
    if (fate === 'crossing') return undefined;
    if (fate === 'inside') holes.push(hole);
  }
  return [ring, ...holes];
};

/**
 * The part of `parent` inside a convex cell (a closed ring, e.g. a Voronoi cell). Uses
 * Sutherland–Hodgman, which is exact for a convex window and ~100× faster than general polygon
 * clipping, whenever the result is a simple ring and every hole lies wholly inside or outside the
 * cell; cells that cut the parent into pieces or cross a hole go to the general clipper. Returns
 * null when they do not overlap.
 */
export const clipConvexCell = (cell: Position[], parent: Polygonal): Polygonal | null => {
  const window = signedRingArea(cell) >= 0 ? cell : [...cell].reverse();
  const pieces: Position[][][] = [];
  for (const polygon of polygonsOf(parent)) {
    const fast = clipPolygonFast(window, polygon);
    if (fast === undefined) return clipToParent({ type: 'Polygon', coordinates: [cell] }, parent);
    if (fast) pieces.push(fast);
  }
  return fromPolygons(pieces);
};
