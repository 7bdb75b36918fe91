import type { Polygon } from 'geojson';
import type { StationType } from '../../../shared/domain/station';

/** Stations that anchor a 15-minute service circle (15分钟便民服务圈): the ones residents walk to for services. */
export const SERVICE_CIRCLE_TYPES: ReadonlySet<StationType> = new Set<StationType>([
  'party_service_center',
  'neighbourhood_center',
  'red_station',
  'elderly_care',
  'canteen',
]);

/** Fifteen minutes at an elderly resident's ~4 km/h, measured as the crow flies (so a generous bound). */
export const WALK_RADIUS_M = 1000;

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export type LngLatPair = readonly [number, number];

/** Great-circle distance in metres. */
export const distanceM = ([lng1, lat1]: LngLatPair, [lng2, lat2]: LngLatPair): number => {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
};

/** A circle of `radiusM` around `centre` as a closed ring of `steps` points (good to well under 1 % here). */
export const circlePolygon = ([lng, lat]: LngLatPair, radiusM: number, steps = 48): Polygon => {
  const dLat = radiusM / (EARTH_RADIUS_M * RAD);
  const dLng = dLat / Math.cos(lat * RAD);
  const ring: [number, number][] = [];
  for (let i = 0; i < steps; i++) {
    const angle = (2 * Math.PI * i) / steps;
    ring.push([lng + dLng * Math.cos(angle), lat + dLat * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
};

/**
 * Buckets points into square cells about `cellM` wide, so a radius query only looks at the 3×3 cells
 * around a point: a county has hundreds of stations and a district ten times that, and every compound
 * is tested against them. Longitude degrees are scaled at one reference latitude, which is exact
 * enough across a county or a city (a few tenths of a percent) for cells with a margin.
 */
const cellIndex = (points: readonly LngLatPair[], cellM: number) => {
  const cellDegLat = cellM / (EARTH_RADIUS_M * RAD);
  const cellDegLng = cellDegLat / Math.cos((points[0]?.[1] ?? 0) * RAD);
  const keyOf = (x: number, y: number) => `${x}:${y}`;
  const cellOf = ([lng, lat]: LngLatPair) => [Math.floor(lng / cellDegLng), Math.floor(lat / cellDegLat)] as const;
  const cells = new Map<string, LngLatPair[]>();
  for (const point of points) {
    const key = keyOf(...cellOf(point));
    const cell = cells.get(key);
    if (cell) cell.push(point);
    else cells.set(key, [point]);
  }
  return (point: LngLatPair): LngLatPair[] => {
    const [x, y] = cellOf(point);
    const near: LngLatPair[] = [];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) near.push(...(cells.get(keyOf(x + dx, y + dy)) ?? []));
    return near;
  };
};

/** Codes of the places whose point lies farther than `radiusM` from every centre: the gaps in the service circles. */
export const outsideEveryCircle = (
  places: readonly { code: string; point: LngLatPair }[],
  centres: readonly LngLatPair[],
  radiusM: number,
): string[] => {
  // Cells a little wider than the radius, so the 3×3 block around a point covers its whole circle.
  const nearby = cellIndex(centres, radiusM * 1.25);
  return places
    .filter(({ point }) => !nearby(point).some((centre) => distanceM(point, centre) <= radiusM))
    .map(({ code }) => code);
};
