import type { Position } from 'geojson';
import { areaM2 } from './areaM2';
import { fromPolygons, polygonsOf, type Polygonal } from './polygonal';
import { rewindRfc7946, signedRingArea } from './rewind';

/**
 * Decimal places kept by default: 8 ≈ 1 mm. Clipping leaves float noise (119.13172400000001) that
 * bloats the JSON; rounding moves shared edges by far less than any tolerance or pixel.
 */
export const DEFAULT_DECIMALS = 8;

export interface CleanOptions {
  /** Decimal places kept (default DEFAULT_DECIMALS). */
  decimals?: number;
  /** Parts and holes smaller than this are dropped (quantisation slivers of the reference outlines). */
  minAreaM2?: number;
}

const roundTo = (value: number, factor: number): number => Math.round(value * factor) / factor;

/** Rounded, without consecutive repeats, explicitly closed; null when fewer than 3 distinct corners remain. */
const cleanRing = (ring: readonly Position[], factor: number): Position[] | null => {
  const out: Position[] = [];
  for (const position of ring) {
    const point = [roundTo(position[0]!, factor), roundTo(position[1]!, factor)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && out.length > 1 && first[0] === last[0] && first[1] === last[1]) out.pop();
  if (out.length < 3) return null;
  out.push([...out[0]!]);
  return out;
};

const ringAreaM2 = (ring: Position[]): number => areaM2({ type: 'Polygon', coordinates: [ring] });

/**
 * Normalises a geometry for output and for further clipping: rounded coordinates, closed rings
 * with no repeated points, no degenerate rings, no slivers below `minAreaM2`, RFC 7946 winding.
 * It does not resolve self-intersections; see repairGeometry for that.
 */
export const cleanGeometry = (geometry: Polygonal, options: CleanOptions = {}): Polygonal | null => {
  const factor = 10 ** (options.decimals ?? DEFAULT_DECIMALS);
  const minArea = options.minAreaM2 ?? 0;
  const polygons: Position[][][] = [];
  for (const polygon of polygonsOf(geometry)) {
    const exterior = polygon[0] && cleanRing(polygon[0], factor);
    // Zero-area rings (all corners collinear) go too; the geodesic area is only worth computing for a threshold.
    const keep = (ring: Position[]): boolean => (minArea > 0 ? ringAreaM2(ring) > minArea : signedRingArea(ring) !== 0);
    if (!exterior || !keep(exterior)) continue;
    const holes = polygon
      .slice(1)
      .map((ring) => cleanRing(ring, factor))
      .filter((ring): ring is Position[] => ring !== null && keep(ring));
    polygons.push([exterior, ...holes]);
  }
  const result = fromPolygons(polygons);
  return result && rewindRfc7946(result);
};
