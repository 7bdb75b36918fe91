import type { Position } from 'geojson';
import { cleanGeometry } from '../../shared/logic/geo/cleanGeometry';
import { clipToParent } from '../../shared/logic/geo/clipToParent';
import { distanceToBoundaryM, METRES_PER_DEGREE } from '../../shared/logic/geo/distanceToBoundaryM';
import { pointInPolygon } from '../../shared/logic/geo/pointInPolygon';
import type { Polygonal } from '../../shared/logic/geo/polygonal';
import { samplePointsInside } from '../../shared/logic/geo/samplePoints';
import type { Rng } from '../../shared/logic/rng';

/** Area of one urban community, km²: county-town 社区 are a few hundred metres to a kilometre or two across. */
const COMMUNITY_AREA_KM2: [number, number] = [0.6, 1.4];
const SEAT_CANDIDATES = 48;
const BLOB_VERTICES = 64;

/**
 * The town seat of a street: the preferred point (the real county seat) when it lies inside, else
 * a random candidate far enough from the boundary for the core to fit, else the deepest candidate.
 */
export const chooseSeat = (street: Polygonal, radiusM: number, rng: Rng, preferred?: Position): Position => {
  if (preferred && pointInPolygon(preferred[0]!, preferred[1]!, street)) return preferred;
  const candidates = samplePointsInside(rng, street, SEAT_CANDIDATES).map((point) => ({ point, depth: distanceToBoundaryM(point, street) }));
  const roomy = candidates.filter((candidate) => candidate.depth >= radiusM * 1.1);
  if (roomy.length > 0) return rng.pick(roomy).point;
  return candidates.reduce((best, candidate) => (candidate.depth > best.depth ? candidate : best)).point;
};

/** A star-shaped blob around `center`: a circle whose radius wobbles with a few random harmonics. */
export const blobPolygon = (center: Position, radiusM: number, rng: Rng): Polygonal => {
  const harmonics = [2, 3, 5].map((k) => ({ k, amplitude: rng.float(0, 0.12), phase: rng.float(0, 2 * Math.PI) }));
  const [lng, lat] = center as [number, number];
  const degLat = radiusM / METRES_PER_DEGREE;
  const degLng = degLat / Math.cos((lat * Math.PI) / 180);
  const ring: Position[] = [];
  for (let i = 0; i < BLOB_VERTICES; i++) {
    const theta = (2 * Math.PI * i) / BLOB_VERTICES;
    const wobble = 1 + harmonics.reduce((sum, h) => sum + h.amplitude * Math.sin(h.k * theta + h.phase), 0);
    ring.push([lng + degLng * wobble * Math.cos(theta), lat + degLat * wobble * Math.sin(theta)]);
  }
  ring.push([...ring[0]!]);
  return { type: 'Polygon', coordinates: [ring] };
};

export interface UrbanCore {
  seat: Position;
  geometry: Polygonal;
}

/**
 * The built-up town of a street with `communities` urban communities: a compact blob around the
 * seat sized for them, clipped to the street, so the communities read as a town and not as a
 * township-sized block of farmland.
 */
export const urbanCore = (street: Polygonal, communities: number, rng: Rng, preferredSeat?: Position): UrbanCore => {
  let areaKm2 = 0;
  for (let i = 0; i < communities; i++) areaKm2 += rng.float(...COMMUNITY_AREA_KM2);
  const radiusM = Math.sqrt(areaKm2 / Math.PI) * 1000;
  const seat = chooseSeat(street, radiusM, rng, preferredSeat);
  const clipped = clipToParent(blobPolygon(seat, radiusM, rng), street);
  const geometry = clipped && cleanGeometry(clipped);
  if (!geometry) throw new Error('urbanCore: the town blob missed its street');
  return { seat, geometry };
};
