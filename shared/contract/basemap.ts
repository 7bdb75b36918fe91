/**
 * The offline basemap as the server describes it to the map (GET BASEMAP_PATHS.info). Every tile
 * comes from our own origin: a PMTiles archive by range requests, MBTiles tiles and an intranet
 * service's tiles through /basemap/{z}/{x}/{y}.{ext} (the server fetches the intranet for us, so its
 * key stays on the server and the page never talks to another host).
 */
export const BASEMAP_PATHS = {
  info: '/basemap/info.json',
  pmtiles: '/basemap/tiles.pmtiles',
  /** Tile template with the extension of the tiles' format (pbf, png, jpg, webp). */
  tiles: (ext: string): string => `/basemap/{z}/{x}/{y}.${ext}`,
} as const;

/**
 * The datum the tiles are drawn in. The wall displays GCJ-02 (see shared/logic/geo/gcj02.ts), so a
 * WGS-84 (or CGCS2000) basemap is shifted onto it; a GCJ-02 one is drawn as it is.
 */
export type BasemapDatum = 'wgs84' | 'gcj02';

export type BasemapInfo =
  | { kind: 'none' }
  | {
      kind: 'vector' | 'raster';
      /** `pmtiles:` archive on our origin, or a tile template on our origin. */
      source: { pmtiles: string } | { tiles: string };
      datum: BasemapDatum;
      minzoom: number;
      maxzoom: number;
      /** Raster tile size in px (256 for Tianditu and most services). */
      tileSize: number;
    };
