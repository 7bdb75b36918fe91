import { kinks } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import { isSimpleRing } from '../../shared/logic/geo/isSimpleRing';
import type { Polygonal } from '../../shared/logic/geo/polygonal';
import { signedRingArea } from '../../shared/logic/geo/rewind';

export interface RingProblem {
  message: string;
  where?: Position;
}

export interface NormalisedGeometry {
  geometry: Polygonal | null;
  /** Repairs made, in words for the report: safe ones only (closing, winding, repeated points). */
  fixes: string[];
  /** Problems that refuse the feature: not areal, too few corners, self-intersection. */
  problems: RingProblem[];
}

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** One ring cleaned: finite lng/lat only, consecutive repeats dropped, closed. */
const cleanRing = (ring: Position[], fixes: Set<string>, problems: RingProblem[]): Position[] | null => {
  const kept: Position[] = [];
  for (const position of ring) {
    const [lng, lat] = position;
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng!) > 180 || Math.abs(lat!) > 90) {
      problems.push({ message: `a position [${String(lng)}, ${String(lat)}] is not a longitude/latitude (projected data? export EPSG:4326 or 4490)` });
      return null;
    }
    if (kept.length === 0 || !samePosition(kept.at(-1)!, position)) kept.push([lng!, lat!]);
  }
  if (kept.length > 1 && !samePosition(kept[0]!, kept.at(-1)!)) {
    kept.push(kept[0]!);
    fixes.add('unclosed ring closed');
  }
  if (kept.length < 4) {
    problems.push({ message: `a ring has ${Math.max(0, kept.length - 1)} distinct corners; a polygon needs at least 3`, where: kept[0] });
    return null;
  }
  return kept;
};

/** RFC 7946 winding: exterior counter-clockwise, holes clockwise. */
const wound = (ring: Position[], exterior: boolean, fixes: Set<string>): Position[] => {
  const counterClockwise = signedRingArea(ring) > 0;
  if (counterClockwise === exterior) return ring;
  fixes.add('rings rewound to the RFC 7946 rule (exterior counter-clockwise)');
  return [...ring].reverse();
};

const crossingPoint = (ring: Position[]): Position | undefined =>
  kinks({ type: 'Polygon', coordinates: [ring] }).features[0]?.geometry.coordinates;

/**
 * Checks and safely repairs a division's geometry (already in WGS-84). Self-intersections are
 * reported with where they cross and never "fixed": which side was meant is the county's call.
 */
export const normaliseRings = (geometry: Geometry | null): NormalisedGeometry => {
  const fixes = new Set<string>();
  const problems: RingProblem[] = [];
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    return { geometry: null, fixes: [], problems: [{ message: `geometry is ${geometry ? geometry.type : 'missing'}; a division needs a Polygon or MultiPolygon` }] };
  }
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const cleaned: Position[][][] = [];
  for (const polygon of polygons) {
    const rings: Position[][] = [];
    for (const [i, ring] of polygon.entries()) {
      const clean = cleanRing(ring, fixes, problems);
      if (!clean) continue;
      if (!isSimpleRing(clean, 0)) problems.push({ message: 'a ring intersects itself', where: crossingPoint(clean) ?? clean[0] });
      rings.push(wound(clean, i === 0, fixes));
    }
    if (rings.length > 0) cleaned.push(rings);
  }
  if (problems.length > 0 || cleaned.length === 0) return { geometry: null, fixes: [...fixes], problems };
  const result: Polygonal = cleaned.length === 1 ? { type: 'Polygon', coordinates: cleaned[0]! } : { type: 'MultiPolygon', coordinates: cleaned };
  return { geometry: result, fixes: [...fixes], problems };
};
