import { describe, expect, it } from 'vitest';
import { sourceParts, tileShift } from '../../../../client/map/engine/datumShift';
import { wgs84ToGcj02 } from '../../../../shared/logic/geo/gcj02';

const TILE_PX = 512;
const worldX = (lng: number) => (lng + 180) / 360;
const worldY = (lat: number) => {
  const rad = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2;
};

/** Where a WGS-84 point lands in the display (pixels of zoom z) after its source tile is moved into display tile x, y. */
const movedPx = (z: number, lng: number, lat: number) => {
  const n = 2 ** z;
  const [gLng, gLat] = wgs84ToGcj02(lng, lat);
  const x = Math.floor(worldX(gLng) * n);
  const y = Math.floor(worldY(gLat) * n);
  const parts = sourceParts(z, x, y, tileShift(z, x, y));
  const sx = worldX(lng) * n;
  const sy = worldY(lat) * n;
  const part = parts.find((p) => p.x === Math.floor(sx) && p.y === Math.floor(sy));
  if (!part) return null;
  return {
    moved: [(x + part.offsetX + (sx - part.x)) * TILE_PX, (y + part.offsetY + (sy - part.y)) * TILE_PX],
    truth: [worldX(gLng) * n * TILE_PX, worldY(gLat) * n * TILE_PX],
    parts: parts.length,
  };
};

describe('moving WGS-84 basemap tiles onto the GCJ-02 display', () => {
  // The offset is taken at the tile's centre; its change across half a tile stays under 1.5 px (≈ 6 m at zoom 14).
  it.each([8, 11, 14, 17])('puts every point of the county within 1.5 px of its GCJ-02 position at zoom %i', (z) => {
    for (let lng = 118.88; lng < 119.43; lng += 0.037) {
      for (let lat = 25.8; lat < 26.6; lat += 0.041) {
        const result = movedPx(z, lng, lat);
        expect(result, `${lng},${lat} is in no source tile of its display tile`).not.toBeNull();
        const [mx, my] = result!.moved as [number, number];
        const [tx, ty] = result!.truth as [number, number];
        expect(Math.hypot(mx - tx, my - ty)).toBeLessThan(1.5);
      }
    }
  });

  it('reads the four source tiles under a display tile, each moved by less than a tile', () => {
    for (const [z, x, y] of [[17, 109_000, 56_000], [11, 1701, 869], [4, 13, 6]] as const) {
      const parts = sourceParts(z, x, y, tileShift(z, x, y));
      expect(parts).toHaveLength(4);
      for (const part of parts) expect(Math.max(Math.abs(part.offsetX), Math.abs(part.offsetY))).toBeLessThan(1);
    }
  });
});
