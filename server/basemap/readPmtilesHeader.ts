import { closeSync, openSync, readSync } from 'node:fs';

/** PMTiles v3's fixed header (github.com/protomaps/PMTiles spec/v3): 127 bytes, little-endian. */
const HEADER_BYTES = 127;
const MAGIC = 'PMTiles';
/** Tile types of the spec: 1 MVT; 2 PNG, 3 JPEG, 4 WebP, 5 AVIF. */
const VECTOR_TILE_TYPE = 1;
const RASTER_TILE_TYPES = new Set([2, 3, 4, 5]);

export interface PmtilesSummary {
  kind: 'vector' | 'raster';
  minzoom: number;
  maxzoom: number;
}

/** What the map needs from an archive, read at start-up so that a wrong file fails there and not on a wall. */
export const readPmtilesHeader = (file: string): PmtilesSummary => {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 7) !== MAGIC) throw new Error(`${file} is not a PMTiles archive`);
  if (header[7] !== 3) throw new Error(`${file} is PMTiles version ${header[7]}; only version 3 is read`);
  const tileType = header[99] ?? 0;
  if (tileType !== VECTOR_TILE_TYPE && !RASTER_TILE_TYPES.has(tileType)) throw new Error(`${file} holds tiles of unknown type ${tileType}`);
  return { kind: tileType === VECTOR_TILE_TYPE ? 'vector' : 'raster', minzoom: header[100] ?? 0, maxzoom: header[101] ?? 0 };
};
