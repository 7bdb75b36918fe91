import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { basename, dirname } from 'node:path';
import { BASEMAP_PATHS, type BasemapInfo } from '../../shared/contract/basemap';
import type { BasemapConfig } from '../basemap/basemapConfig';
import { MbtilesArchive } from '../basemap/MbtilesArchive';
import { readPmtilesHeader } from '../basemap/readPmtilesHeader';
import { fetchUpstreamTile, upstreamUrl } from '../basemap/upstreamTile';
import { errorBody } from '../errors';

const CONTENT_TYPES: Record<string, string> = {
  pbf: 'application/x-protobuf',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

/** Tiles change when the county rebuilds its file, which comes with a restart: an hour is safe and spares the disk. */
const TILE_CACHE = 'public, max-age=3600';

const TileParams = {
  type: 'object',
  required: ['z', 'x', 'tile'],
  properties: {
    z: { type: 'integer', minimum: 0, maximum: 22 },
    x: { type: 'integer', minimum: 0 },
    tile: { type: 'string', pattern: '^[0-9]{1,8}\\.(pbf|png|jpg|webp)$' },
  },
} as const;

interface TileRequest {
  Params: { z: number; x: number; tile: string };
}

type TileSource = (z: number, x: number, y: number, reply: FastifyReply) => Promise<FastifyReply>;

interface TiledBasemap {
  info: BasemapInfo;
  /** The tiles' format, which is also their extension in the URL. */
  format: string;
  tile: TileSource;
}

const mbtilesSource = (app: FastifyInstance, config: Extract<BasemapConfig, { kind: 'mbtiles' }>): TiledBasemap => {
  const archive = new MbtilesArchive(config.file);
  app.addHook('onClose', async () => archive.close());
  const { format, minzoom, maxzoom } = archive.metadata;
  const kind = format === 'pbf' ? 'vector' : 'raster';
  return {
    info: { kind, source: { tiles: BASEMAP_PATHS.tiles(format) }, datum: config.datum, minzoom, maxzoom, tileSize: 256 },
    format,
    tile: async (z, x, y, reply) => {
      const found = archive.tile(z, x, y);
      // 204: MapLibre draws an empty tile and reports no error (an extract has no tiles over open sea).
      if (!found) return reply.code(204).header('cache-control', TILE_CACHE).send();
      if (found.contentEncoding) void reply.header('content-encoding', found.contentEncoding);
      return reply.type(CONTENT_TYPES[format] ?? 'application/octet-stream').header('cache-control', TILE_CACHE).send(found.data);
    },
  };
};

const upstreamSource = (config: Extract<BasemapConfig, { kind: 'url' }>): TiledBasemap => ({
  info: {
    kind: config.tileType,
    source: { tiles: BASEMAP_PATHS.tiles(config.format) },
    datum: config.datum,
    minzoom: config.minzoom,
    maxzoom: config.maxzoom,
    tileSize: 256,
  },
  format: config.format,
  tile: async (z, x, y, reply) => {
    const answer = await fetchUpstreamTile(upstreamUrl(config.template, z, x, y));
    if (!answer.ok && answer.status === 204) return reply.code(204).send();
    if (!answer.ok) return reply.code(answer.status).send(errorBody(answer.status, 'basemap_unavailable', 'the basemap service did not answer with a tile'));
    return reply.type(answer.contentType).header('cache-control', TILE_CACHE).send(answer.data);
  },
});

/**
 * The offline basemap, from our own origin only (README "Offline basemap"): GET /basemap/info.json
 * says what there is; a PMTiles archive is served whole with HTTP range requests (the browser's
 * pmtiles reader asks for the header, directories and tiles by byte range); MBTiles and an intranet
 * service answer /basemap/{z}/{x}/{y}.{ext}. Outside /api/, so a wall needs no token for it: tiles
 * carry no personal data, and MapLibre fetches them without our Authorization header.
 */
export const basemapRoutes = (config: BasemapConfig | null) => async (app: FastifyInstance) => {
  if (!config) {
    app.get(BASEMAP_PATHS.info, async (): Promise<BasemapInfo> => ({ kind: 'none' }));
    return;
  }
  if (config.kind === 'pmtiles') {
    const { kind, minzoom, maxzoom } = readPmtilesHeader(config.file);
    // Encapsulated here: its own root and no routes of its own; the built client registers its own instance.
    await app.register(fastifyStatic, { root: dirname(config.file), serve: false, acceptRanges: true, cacheControl: false });
    const info: BasemapInfo = { kind, source: { pmtiles: BASEMAP_PATHS.pmtiles }, datum: config.datum, minzoom, maxzoom, tileSize: 512 };
    app.get(BASEMAP_PATHS.info, async () => info);
    // no-cache: the browser revalidates by ETag, so a rebuilt archive is never mixed with cached ranges of the old one.
    app.get(BASEMAP_PATHS.pmtiles, async (_request, reply) => reply.header('cache-control', 'no-cache').sendFile(basename(config.file)));
    return;
  }
  const source = config.kind === 'mbtiles' ? mbtilesSource(app, config) : upstreamSource(config);
  app.get(BASEMAP_PATHS.info, async () => source.info);
  app.get<TileRequest>('/basemap/:z/:x/:tile', { schema: { params: TileParams } }, async (request, reply) => {
    const { z, x, tile } = request.params;
    const [row = '', extension = ''] = tile.split('.');
    const y = Number(row);
    if (extension !== source.format) return reply.code(404).send(errorBody(404, 'not_found', `the basemap has .${source.format} tiles, not .${extension}`));
    if (x >= 2 ** z || y >= 2 ** z) return reply.code(400).send(errorBody(400, 'validation_failed', `x and y must be below ${2 ** z} at zoom ${z}`));
    return source.tile(z, x, y, reply);
  });
};
