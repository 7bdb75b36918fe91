import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BasemapDatum } from '../../shared/contract/basemap';

/**
 * Where the offline basemap comes from (BASEMAP=…, README "Offline basemap"): a PMTiles or an MBTiles
 * file on this machine, or an intranet tile service's URL template that the server fetches for the
 * walls. No BASEMAP: no basemap, the wall draws its polygons on the dark ground as always.
 */
export type BasemapConfig =
  | { kind: 'pmtiles'; file: string; datum: BasemapDatum }
  | { kind: 'mbtiles'; file: string; datum: BasemapDatum }
  | { kind: 'url'; template: string; tileType: 'raster' | 'vector'; format: string; datum: BasemapDatum; minzoom: number; maxzoom: number };

type Env = Record<string, string | undefined>;

/** Thrown with a message naming the variable; config.ts turns it into its ConfigError. */
export class BasemapConfigError extends Error {}

const RASTER_FORMATS = new Set(['png', 'jpg', 'webp']);

const DATUMS: Record<string, BasemapDatum> = { wgs84: 'wgs84', cgcs2000: 'wgs84', gcj02: 'gcj02' };

const datumOf = (env: Env, fallback: BasemapDatum): BasemapDatum => {
  const raw = env.BASEMAP_DATUM?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  const datum = DATUMS[raw];
  if (!datum) throw new BasemapConfigError(`BASEMAP_DATUM must be one of wgs84, cgcs2000, gcj02, got "${env.BASEMAP_DATUM}"`);
  return datum;
};

const zoomOf = (env: Env, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 22) throw new BasemapConfigError(`${name} must be an integer from 0 to 22, got "${raw}"`);
  return value;
};

/** An http(s) template with {z}, {x} and {y} (or {-y} for TMS rows), as Tianditu's WMTS KVP URLs can be written. */
const urlConfig = (env: Env, template: string): BasemapConfig => {
  if (!/\{z\}/.test(template) || !/\{x\}/.test(template) || !/\{-?y\}/.test(template)) {
    throw new BasemapConfigError(`BASEMAP must name a .pmtiles or .mbtiles file or be a URL template with {z}, {x} and {y}, got "${template}"`);
  }
  const tileType = env.BASEMAP_TYPE ?? 'raster';
  if (tileType !== 'raster' && tileType !== 'vector') throw new BasemapConfigError(`BASEMAP_TYPE must be raster or vector, got "${tileType}"`);
  const format = tileType === 'vector' ? 'pbf' : (env.BASEMAP_FORMAT ?? 'png');
  if (!RASTER_FORMATS.has(format) && format !== 'pbf') throw new BasemapConfigError(`BASEMAP_FORMAT must be png, jpg or webp, got "${format}"`);
  return {
    kind: 'url',
    template,
    tileType,
    format,
    datum: datumOf(env, 'wgs84'),
    minzoom: zoomOf(env, 'BASEMAP_MINZOOM', 0),
    maxzoom: zoomOf(env, 'BASEMAP_MAXZOOM', 18),
  };
};

export const loadBasemapConfig = (env: Env): BasemapConfig | null => {
  const raw = env.BASEMAP?.trim() ?? '';
  if (raw === '') return null;
  if (/^https?:\/\//i.test(raw)) return urlConfig(env, raw);
  const file = resolve(raw);
  const kind = file.endsWith('.pmtiles') ? 'pmtiles' : file.endsWith('.mbtiles') ? 'mbtiles' : null;
  if (!kind) throw new BasemapConfigError(`BASEMAP must name a .pmtiles or .mbtiles file or be a URL template, got "${raw}"`);
  if (!existsSync(file)) throw new BasemapConfigError(`BASEMAP names ${file}, which does not exist`);
  // Tiles built from OpenStreetMap (tilemaker, planetiler) are WGS-84.
  return { kind, file, datum: datumOf(env, 'wgs84') };
};
