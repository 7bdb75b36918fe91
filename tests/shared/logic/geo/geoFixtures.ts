import type { Position } from 'geojson';
import type { Polygonal } from '../../../../shared/logic/geo/polygonal';

/** Offsets in kilometres from a point in Fuzhou, so shapes read like the town-sized parents the generator splits. */
const ORIGIN: Position = [119.3, 26.05];
const KM_LAT = 1 / 111.2;
const KM_LNG = KM_LAT / Math.cos((26.05 * Math.PI) / 180);

const at = ([x, y]: [number, number]): Position => [ORIGIN[0]! + x * KM_LNG, ORIGIN[1]! + y * KM_LAT];
const ring = (corners: [number, number][]): Position[] => [...corners.map(at), at(corners[0]!)];

export const square: Polygonal = { type: 'Polygon', coordinates: [ring([[0, 0], [2, 0], [2, 2], [0, 2]])] };

/** A U whose centroid falls in the gap between the arms. */
export const uShape: Polygonal = {
  type: 'Polygon',
  coordinates: [ring([[0, 0], [3, 0], [3, 3], [2.2, 3], [2.2, 0.6], [0.8, 0.6], [0.8, 3], [0, 3]])],
};

/** A square courtyard block: the hole must stay empty. */
export const withHole: Polygonal = {
  type: 'Polygon',
  coordinates: [ring([[0, 0], [3, 0], [3, 3], [0, 3]]), ring([[1, 1], [1, 2], [2, 2], [2, 1]])],
};

/** Two islands. */
export const twoParts: Polygonal = {
  type: 'MultiPolygon',
  coordinates: [[ring([[0, 0], [1.5, 0], [1.5, 1.5], [0, 1.5]])], [ring([[2.5, 0.5], [4, 0.5], [4, 2], [2.5, 2]])]],
};

/** A comb with narrow teeth: Voronoi cells straddle the gaps and come out in pieces before repair. */
export const comb: Polygonal = {
  type: 'Polygon',
  coordinates: [
    ring([[0, 0], [5, 0], [5, 3], [4.4, 3], [4.4, 0.5], [3.6, 0.5], [3.6, 3], [3, 3], [3, 0.5], [2.2, 0.5], [2.2, 3], [1.6, 3], [1.6, 0.5], [0.8, 0.5], [0.8, 3], [0, 3]]),
  ],
};

export const SHAPES: [string, Polygonal][] = [
  ['a square', square],
  ['a U shape', uShape],
  ['a block with a courtyard hole', withHole],
  ['two islands', twoParts],
  ['a comb', comb],
];

/** The same shape moved `km` kilometres east: fixtures side by side instead of on top of each other. */
export const shiftedEast = (shape: Polygonal, km: number): Polygonal => {
  const move = (ring: Position[]): Position[] => ring.map(([lng, lat]) => [lng! + km * KM_LNG, lat!]);
  return shape.type === 'Polygon'
    ? { type: 'Polygon', coordinates: shape.coordinates.map(move) }
    : { type: 'MultiPolygon', coordinates: shape.coordinates.map((polygon) => polygon.map(move)) };
};
