import { STATION_TYPES, type StationType } from '../../../shared/domain/station';

// Station icons are drawn in code, not fetched: the style has no sprite, and an isolated screen may
// not download one. Each type gets its own shape, rasterised as a signed distance field so that one
// image per type takes any status colour (`icon-color`) and a dark halo (`icon-halo-*`) at any size.

type Ring = readonly (readonly [number, number])[];

/** A regular polygon (or star, with an inner radius) of radius 1 around the origin, pointing up. */
const regular = (corners: number, rotation = 0, innerRadius?: number): Ring => {
  const points: [number, number][] = [];
  const steps = innerRadius === undefined ? corners : corners * 2;
  for (let i = 0; i < steps; i++) {
    const radius = innerRadius !== undefined && i % 2 === 1 ? innerRadius : 1;
    const angle = rotation - Math.PI / 2 + (2 * Math.PI * i) / steps;
    points.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
  }
  return points;
};

const PLUS: Ring = [
  [-0.35, -1], [0.35, -1], [0.35, -0.35], [1, -0.35], [1, 0.35], [0.35, 0.35],
  [0.35, 1], [-0.35, 1], [-0.35, 0.35], [-1, 0.35], [-1, -0.35], [-0.35, -0.35],
];

/** The shape of each station type, for the map and for its legend. */
export const STATION_SHAPES: Readonly<Record<StationType, { name: string; ring: Ring }>> = {
  party_service_center: { name: 'star', ring: regular(5, 0, 0.45) },
  neighbourhood_center: { name: 'hexagon', ring: regular(6, Math.PI / 6) },
  red_station: { name: 'diamond', ring: regular(4) },
  compound_room: { name: 'square', ring: regular(4, Math.PI / 4).map(([x, y]) => [x * 1.12, y * 1.12] as const) },
  civility_station: { name: 'triangle', ring: regular(3) },
  // No circle: incidents are circles, and a station must never be mistaken for one.
  elderly_care: { name: 'pentagon', ring: regular(5) },
  canteen: { name: 'triangle-down', ring: regular(3, Math.PI) },
  legal_aid: { name: 'plus', ring: PLUS },
};

export const stationIconId = (type: StationType): string => `station-${type}`;

export const STATION_ICON_IDS: readonly string[] = STATION_TYPES.map(stationIconId);

/** Shape radius and the margin around it, in image pixels (the margin leaves room for a 6 px halo). */
export const ICON_RADIUS_PX = 12;
const MARGIN_PX = 6;

const segmentDistance = (px: number, py: number, [ax, ay]: readonly [number, number], [bx, by]: readonly [number, number]) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

/** Distance to the ring's outline, negative inside. */
const signedDistance = (ring: Ring, px: number, py: number): number => {
  let distance = Infinity;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    distance = Math.min(distance, segmentDistance(px, py, a, b));
    if (a[1] > py !== b[1] > py && px < ((b[0] - a[0]) * (py - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside ? -distance : distance;
};

/**
 * The icon of a station type as an SDF image for `map.addImage(id, image, { sdf: true })`. MapLibre
 * reads an SDF's alpha as 0.75 on the outline and 1/8 less per pixel outwards (as its glyphs are).
 */
export const stationIconImage = (type: StationType): { width: number; height: number; data: Uint8Array } => {
  const size = 2 * (ICON_RADIUS_PX + MARGIN_PX);
  const data = new Uint8Array(size * size * 4);
  const ring = STATION_SHAPES[type].ring.map(([x, y]) => [x * ICON_RADIUS_PX, y * ICON_RADIUS_PX] as const);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const distancePx = signedDistance(ring, col + 0.5 - size / 2, row + 0.5 - size / 2);
      data[(row * size + col) * 4 + 3] = Math.max(0, Math.min(255, Math.round(191.25 - 31.875 * distancePx)));
    }
  }
  return { width: size, height: size, data };
};
