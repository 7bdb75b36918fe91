import type { AddProtocolAction } from 'maplibre-gl';
import { PMTiles } from 'pmtiles';
import { fetchTileBytes } from '../../api/fetchTileBytes';
import type { BasemapInfo } from '../../../shared/contract/basemap';
import { shiftedRasterTile, shiftedVectorTile, type SourceTileReader } from './shiftedTiles';

/** Tiles of a WGS-84 basemap moved onto the GCJ-02 display, made in the page: `jinlin-basemap://vector/{z}/{x}/{y}`. */
export const BASEMAP_PROTOCOL = 'jinlin-basemap';

type TiledInfo = Exclude<BasemapInfo, { kind: 'none' }>;

let current: { reader: SourceTileReader; tileSizePx: number } | null = null;

const absolute = (path: string): string => new URL(path, window.location.origin).href;

/** How the source tiles are read: the PMTiles archive by range requests, or our tile route. */
const readerOf = (info: TiledInfo): SourceTileReader => {
  if ('pmtiles' in info.source) {
    const archive = new PMTiles(absolute(info.source.pmtiles));
    return async (z, x, y, signal) => (await archive.getZxy(z, x, y, signal))?.data ?? null;
  }
  const template = info.source.tiles;
  return (z, x, y, signal) => fetchTileBytes(template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)), signal);
};

/** Points the protocol at this basemap; the URL template the map's source should use. */
export const useShiftedBasemap = (info: TiledInfo): string => {
  current = { reader: readerOf(info), tileSizePx: info.tileSize === 512 ? 512 : 256 };
  return `${BASEMAP_PROTOCOL}://${info.kind}/{z}/{x}/{y}`;
};

const TILE_URL = new RegExp(`^${BASEMAP_PROTOCOL}://(vector|raster)/(\\d+)/(\\d+)/(\\d+)$`);

/** The handler createMap registers with maplibregl.addProtocol. */
export const basemapProtocol: AddProtocolAction = async (params, abortController) => {
  const match = TILE_URL.exec(params.url);
  if (!match || !current) throw new Error(`no basemap for ${params.url}`);
  const [, kind, z, x, y] = match;
  const { reader, tileSizePx } = current;
  const { signal } = abortController;
  if (kind === 'vector') return { data: await shiftedVectorTile(reader, Number(z), Number(x), Number(y), signal) };
  return { data: await shiftedRasterTile(reader, Number(z), Number(x), Number(y), tileSizePx, signal) };
};
