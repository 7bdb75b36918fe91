import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredCounty } from '../county/StoredCounty';
import { buildCounty } from './buildCounty';
import { checkCodes } from './checkCodes';
import { checkContainment } from './checkContainment';
import { checkSiblings } from './checkSiblings';
import { ImportReport } from './ImportReport';
import type { SourceCrs } from './ImportSource';
import { readAttributes } from './readAttributes';
import { readContext, readDivisions } from './readDivisions';
import { readSources, type ImportProgress } from './readSources';
import { readStations } from './readStations';
import { recodeDivisions } from './recodeDivisions';
import { writeCounty } from './writeCounty';

export interface ImportOptions {
  /** Folders (read one level deep) and files. */
  paths: readonly string[];
  dataDir: string;
  /** Overrides whatever the files declare. */
  crs?: SourceCrs;
  /** How far a child may stray over its parent's boundary, and a station over the county's. */
  toleranceM?: number;
  /** Overlaps and gaps up to this area are digitising slivers. */
  minAreaM2?: number;
  /** Renumber a county's own codes into the 6/9/12/15/17-digit scheme (recodeDivisions). */
  recode?: boolean;
  /** Check and report only. */
  dryRun?: boolean;
  dbfEncoding?: string;
  onProgress?: ImportProgress;
  now?: Date;
}

export interface ImportResult {
  report: ImportReport;
  /** The county as it would be stored (null when reading already failed). */
  county: StoredCounty | null;
  /** The file written, or null when errors (or a dry run) kept the data dir as it was. */
  written: string | null;
}

/** Separately digitised boundaries disagree by a few metres; the ×10 sample county itself strays 5.4 m. */
export const DEFAULT_TOLERANCE_M = 10;
export const DEFAULT_MIN_AREA_M2 = 100;

/**
 * Reads, converts and checks a county, and only when no check found an error swaps it into the
 * data dir. Every finding lands in the report, whether or not anything was written.
 */
export const importCounty = async (options: ImportOptions): Promise<ImportResult> => {
  const report = new ImportReport();
  const progress = options.onProgress ?? (() => undefined);
  const toleranceM = options.toleranceM ?? DEFAULT_TOLERANCE_M;
  const sources = await readSources(options.paths, report, progress, options.dbfEncoding);
  const declared = new Map(sources.features.map((source) => [source.file, source.declaredCrs]));
  const assumed = new Set<string>();
  const crsOf = (file: string): SourceCrs => {
    const own = declared.get(file) ?? null;
    if (options.crs) {
      if (own && own !== options.crs && !assumed.has(file)) report.warning('crs', file, `declares ${own}; --crs ${options.crs} is used as asked`);
      assumed.add(file);
      return options.crs;
    }
    if (own) return own;
    if (sources.manifest.crs) return sources.manifest.crs;
    if (!assumed.has(file)) report.warning('crs', file, 'declares no datum: WGS-84 assumed (RFC 7946); pass --crs gcj02 if it came from a Chinese web map');
    assumed.add(file);
    return 'wgs84';
  };
  const read = readDivisions(sources.features, (source) => crsOf(source.file), report, progress);
  const divisions = options.recode && read.length > 0 ? (recodeDivisions(read, sources.tables, report) ?? read) : read;
  if (divisions.length === 0) report.error('read', '', 'no division files found (county, street, community, compound, grid as GeoJSON or Shapefile)');
  progress('checking codes', 0, 1);
  checkCodes(divisions, report);
  checkContainment(divisions, toleranceM, report, progress);
  checkSiblings(divisions, options.minAreaM2 ?? DEFAULT_MIN_AREA_M2, report, progress);
  progress('checking the data pool and stations', 0, 1);
  const attributes = readAttributes(sources.tables, divisions, report);
  const stations = readStations(sources.tables, sources.features, divisions, crsOf, toleranceM, report);
  if (existsSync(join(options.dataDir, 'jinlin.sqlite'))) {
    report.warning('store', '', `${options.dataDir} holds an event log (jinlin.sqlite) recorded on the county before: start the new county on an empty DATA_DIR, or move that file away`);
  }
  const files = [...sources.features.map((source) => source.file), ...sources.tables.map((table) => table.file)];
  const county = divisions.length > 0 ? buildCounty(divisions, attributes, stations, readContext(sources.features, (source) => crsOf(source.file)), files.map((file) => ({ file, crs: crsOf(file) })), options.now ?? new Date()) : null;
  progress('writing', 0, 1);
  const written = county && report.errors === 0 && !options.dryRun ? await writeCounty(options.dataDir, county) : null;
  return { report, county, written };
};
