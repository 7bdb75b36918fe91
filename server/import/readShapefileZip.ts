import { basename } from 'node:path';
import { unzipSync } from 'fflate';
import { open } from 'shapefile';
import { crsOfPrj } from './detectCrs';
import type { RawFeature, SourceCrs } from './ImportSource';

export interface ShapefileLayer {
  /** The .shp's base name inside the zip (or on disk), which says what it holds. */
  name: string;
  features: RawFeature[];
  declaredCrs: SourceCrs | 'projected' | null;
}

const decoder = new TextDecoder();

/** Reads one Shapefile from its parts; the .cpg names the .dbf's encoding (Chinese files are often GBK). */
export const readShapefileParts = async (
  name: string,
  parts: { shp: Uint8Array; dbf?: Uint8Array; prj?: Uint8Array; cpg?: Uint8Array },
  fallbackEncoding = 'utf-8',
): Promise<ShapefileLayer> => {
  const encoding = parts.cpg ? decoder.decode(parts.cpg).trim() || fallbackEncoding : fallbackEncoding;
  const source = await open(parts.shp, parts.dbf, { encoding });
  const features: RawFeature[] = [];
  for (let next = await source.read(); !next.done; next = await source.read()) {
    features.push({ properties: { ...(next.value.properties ?? {}) }, geometry: next.value.geometry });
  }
  return { name, features, declaredCrs: parts.prj ? crsOfPrj(decoder.decode(parts.prj)) : null };
};

/** Every Shapefile inside a zip (in memory: county files are megabytes, not gigabytes), sub-folders included. */
export const readShapefileZip = async (bytes: Uint8Array, fallbackEncoding?: string): Promise<ShapefileLayer[]> => {
  const entries = unzipSync(bytes);
  const byBase = new Map<string, Partial<Record<'shp' | 'dbf' | 'prj' | 'cpg', Uint8Array>>>();
  for (const [path, data] of Object.entries(entries)) {
    const match = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(path);
    if (!match || path.startsWith('__MACOSX/')) continue;
    const parts = byBase.get(match[1]!) ?? {};
    parts[match[2]!.toLowerCase() as 'shp'] = data;
    byBase.set(match[1]!, parts);
  }
  const layers: ShapefileLayer[] = [];
  for (const [base, parts] of [...byBase].sort(([a], [b]) => a.localeCompare(b))) {
    if (parts.shp) layers.push(await readShapefileParts(basename(base), { ...parts, shp: parts.shp }, fallbackEncoding));
  }
  return layers;
};
