import { area, booleanClockwise, difference, feature, featureCollection, intersect } from '@turf/turf';
import type { Position } from 'geojson';
import { bboxOf, polygonsOf, type Polygonal } from '../../../../shared/logic/geo/polygonal';

/** Test oracles built on turf's polygon clipper (polyclip-ts), independent of the code under test. */

export const areaOf = (geometry: Polygonal): number => area(geometry);

const bboxesOverlap = (a: Polygonal, b: Polygonal): boolean => {
  const [ax0, ay0, ax1, ay1] = bboxOf(a);
  const [bx0, by0, bx1, by1] = bboxOf(b);
  return ax0 < bx1 && bx0 < ax1 && ay0 < by1 && by0 < ay1;
};

/** Area (m²) covered by both geometries. */
export const overlapM2 = (a: Polygonal, b: Polygonal): number => {
  if (!bboxesOverlap(a, b)) return 0;
  const shared = intersect(featureCollection([feature(a), feature(b)]));
  return shared ? area(shared) : 0;
};

/** Area (m²) of `inner` that lies outside `outer`. */
export const outsideM2 = (inner: Polygonal, outer: Polygonal): number => {
  const rest = difference(featureCollection([feature(inner), feature(outer)]));
  return rest ? area(rest) : 0;
};

/** Everything RFC 7946 §3.1.6 asks of polygon rings, as a list of problems (empty when valid). */
export const rfc7946Problems = (geometry: Polygonal): string[] => {
  const problems: string[] = [];
  const checkRing = (ring: Position[], exterior: boolean, where: string) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length < 4) problems.push(`${where}: ${ring.length} positions`);
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) problems.push(`${where}: not closed`);
    if (ring.some(([lng, lat]) => !(lng! >= -180 && lng! <= 180 && lat! >= -90 && lat! <= 90) || ring.some((p) => p.length !== 2))) {
      problems.push(`${where}: not [lng, lat] in range`);
    }
    if (ring.length >= 4 && booleanClockwise(ring) === exterior) problems.push(`${where}: ${exterior ? 'exterior clockwise' : 'hole counter-clockwise'}`);
  };
  polygonsOf(geometry).forEach((polygon, p) => polygon.forEach((ring, r) => checkRing(ring, r === 0, `polygon ${p} ring ${r}`)));
  return problems;
};
