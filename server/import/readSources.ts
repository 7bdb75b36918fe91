import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { classifySource } from './classifySource';
import { crsOfGeoJsonMember } from './detectCrs';
import type { ImportReport } from './ImportReport';
import { SOURCE_CRS, type FeatureSource, type ImportManifest, type RawFeature, type SourceCrs, type TableSource } from './ImportSource';
import { parseCsv } from './parseCsv';
import { readShapefileParts, readShapefileZip, type ShapefileLayer } from './readShapefileZip';

export interface ReadSources {
  features: FeatureSource[];
  tables: TableSource[];
  manifest: ImportManifest;
}

export type ImportProgress = (stage: string, done: number, total: number) => void;

/** Files named on the command line, folders expanded one level (sorted, so runs are repeatable). */
const expand = async (paths: readonly string[]): Promise<string[]> => {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      for (const name of (await readdir(path)).sort()) if (!name.startsWith('.')) files.push(join(path, name));
    } else files.push(path);
  }
  return files;
};

const readGeoJson = (file: string, text: string, report: ImportReport): { features: RawFeature[]; crs: SourceCrs | 'projected' | null } | null => {
  let parsed: { type?: unknown; features?: unknown; crs?: unknown; geometry?: unknown; properties?: unknown };
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as typeof parsed;
  } catch (error) {
    report.error('read', file, `not valid JSON (${(error as Error).message})`);
    return null;
  }
  const list = parsed.type === 'FeatureCollection' && Array.isArray(parsed.features) ? parsed.features : parsed.type === 'Feature' ? [parsed] : null;
  if (!list) {
    report.error('read', file, 'is neither a GeoJSON FeatureCollection nor a Feature');
    return null;
  }
  const features = (list as { properties?: Record<string, unknown> | null; geometry?: RawFeature['geometry'] }[]).map((feature) => ({
    properties: { ...(feature.properties ?? {}) },
    geometry: feature.geometry ?? null,
  }));
  return { features, crs: crsOfGeoJsonMember(parsed.crs) };
};

const asSource = (file: string, name: string, layer: ShapefileLayer | { features: RawFeature[]; declaredCrs: SourceCrs | 'projected' | null }, format: FeatureSource['format'], report: ImportReport): FeatureSource | null => {
  const role = classifySource(name);
  if (!role) {
    report.warning('read', file, `"${name}" is not a known file name (county, street, community, compound, grid, divisions, context, stations, attributes): skipped`);
    return null;
  }
  if (layer.declaredCrs === 'projected') {
    report.error('crs', file, 'coordinates are projected (the .prj or crs member names a projected system): export geographic longitude/latitude (EPSG:4326 or 4490)');
    return null;
  }
  return { file, role, format, features: layer.features, declaredCrs: layer.declaredCrs, windingByFormat: format === 'shapefile' };
};

const readManifest = (file: string, text: string, report: ImportReport): ImportManifest => {
  try {
    const parsed = JSON.parse(text) as { crs?: unknown };
    if (parsed.crs === undefined) return {};
    if (SOURCE_CRS.includes(parsed.crs as SourceCrs)) return { crs: parsed.crs as SourceCrs };
    report.error('crs', file, `crs "${String(parsed.crs)}" is not one of ${SOURCE_CRS.join(', ')}`);
  } catch (error) {
    report.error('read', file, `not valid JSON (${(error as Error).message})`);
  }
  return {};
};

/** Reads every file given (GeoJSON, Shapefile .zip or .shp, CSV, import.json); unreadable files become report errors. */
export const readSources = async (paths: readonly string[], report: ImportReport, onProgress: ImportProgress = () => undefined, dbfEncoding?: string): Promise<ReadSources> => {
  const result: ReadSources = { features: [], tables: [], manifest: {} };
  const files = await expand(paths);
  for (const [i, file] of files.entries()) {
    onProgress(`reading ${basename(file)}`, i, files.length);
    const name = basename(file);
    const extension = extname(name).toLowerCase();
    try {
      if (name === 'import.json') result.manifest = readManifest(file, await readFile(file, 'utf8'), report);
      else if ((extension === '.geojson' || extension === '.json') && !classifySource(name)) {
        report.warning('read', file, `"${name}" is not a known file name (county, street, community, compound, grid, divisions, context, stations, attributes): skipped`);
      } else if (extension === '.geojson' || extension === '.json') {
        const read = readGeoJson(file, await readFile(file, 'utf8'), report);
        const source = read && asSource(file, name, { features: read.features, declaredCrs: read.crs }, 'geojson', report);
        if (source) result.features.push(source);
      } else if (extension === '.zip') {
        for (const layer of await readShapefileZip(await readFile(file), dbfEncoding)) {
          const source = asSource(`${file}#${layer.name}`, classifySource(layer.name) ? layer.name : name, layer, 'shapefile', report);
          if (source) result.features.push(source);
        }
      } else if (extension === '.shp') {
        const part = async (ext: string) => readFile(file.replace(/\.shp$/i, ext)).catch(() => undefined);
        const layer = await readShapefileParts(name.replace(/\.shp$/i, ''), { shp: await readFile(file), dbf: await part('.dbf'), prj: await part('.prj'), cpg: await part('.cpg') }, dbfEncoding);
        const source = asSource(file, name, layer, 'shapefile', report);
        if (source) result.features.push(source);
      } else if (extension === '.csv') {
        const role = classifySource(name);
        if (role !== 'stations' && role !== 'attributes') report.warning('read', file, 'a CSV must be stations.csv or grid-attributes.csv: skipped');
        else result.tables.push({ file, role, ...parseCsv(await readFile(file, 'utf8')) });
      } else if (!['.dbf', '.prj', '.cpg', '.shx', '.md', '.txt'].includes(extension)) {
        report.warning('read', file, 'not a GeoJSON, Shapefile (.zip or .shp) or CSV file: skipped');
      }
    } catch (error) {
      report.error('read', file, `cannot be read: ${(error as Error).message}`);
    }
  }
  onProgress('reading', files.length, files.length);
  return result;
};
