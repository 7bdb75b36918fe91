import { gcj02ToWgs84 } from '../../../shared/logic/geo/gcj02';

/**
 * The wall draws GCJ-02 (shared/logic/geo/gcj02.ts), while tiles built from OpenStreetMap or served by
 * Tianditu are WGS-84/CGCS2000: the same road sits some 300–600 m apart in the two. A shifted tile is
 * the WGS-84 content moved by the offset at the tile's centre. The offset changes by at most a few
 * metres per kilometre (≈ 0.5 % in the Minhou area), so across half a 512 px tile it moves less
 * than 1.5 px at any zoom (tests/client/map/engine/datumShift.test.ts), where one offset for the
 * whole county would be up to 70 m off between its corners.
 */
export interface TileShift {
  /** Offset of the content, in tiles of this zoom (x east, y south), display = source + shift. */
  dx: number;
  dy: number;
}

const mercatorX = (lng: number): number => (lng + 180) / 360;
const mercatorY = (lat: number): number => {
  const rad = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2;
};
const lngOf = (x: number): number => x * 360 - 180;
const latOf = (y: number): number => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** The shift of a GCJ-02 display tile's WGS-84 content, measured at the tile's centre. */
export const tileShift = (z: number, x: number, y: number): TileShift => {
  const n = 2 ** z;
  const gcjX = (x + 0.5) / n;
  const gcjY = (y + 0.5) / n;
  const [lng, lat] = gcj02ToWgs84(lngOf(gcjX), latOf(gcjY));
  return { dx: (gcjX - mercatorX(lng)) * n, dy: (gcjY - mercatorY(lat)) * n };
};

/** A source tile and where its origin lands in the display tile, in tiles. */
export interface SourcePart {
  x: number;
  y: number;
  offsetX: number;
  offsetY: number;
}

/** The (up to four) WGS-84 tiles whose content, moved by `shift`, covers display tile x, y. */
export const sourceParts = (z: number, x: number, y: number, shift: TileShift): SourcePart[] => {
  const n = 2 ** z;
  const parts: SourcePart[] = [];
  for (let sx = Math.floor(x - shift.dx); sx <= Math.floor(x + 1 - shift.dx - 1e-9); sx++) {
    for (let sy = Math.floor(y - shift.dy); sy <= Math.floor(y + 1 - shift.dy - 1e-9); sy++) {
      if (sy < 0 || sy >= n) continue;
      // Columns wrap around the antimeridian; rows do not.
      parts.push({ x: ((sx % n) + n) % n, y: sy, offsetX: sx - x + shift.dx, offsetY: sy - y + shift.dy });
    }
  }
  return parts;
};
