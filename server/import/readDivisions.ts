import { basename } from 'node:path';
import type { Position } from 'geojson';
import { CODE_LENGTH, PARENT_LEVEL, REGION_LEVELS, type RegionLevel } from '../../shared/domain/region';
import type { Polygonal } from '../../shared/logic/geo/polygonal';
import { rewindRfc7946 } from '../../shared/logic/geo/rewind';
import { reportPoint, type ImportReport } from './ImportReport';
import type { FeatureSource, SourceCrs } from './ImportSource';
import { normaliseRings } from './normaliseRings';
import type { ImportProgress } from './readSources';
import { positionToWgs84 } from './toWgs84';

/** Features between progress lines on a long file. */
const PROGRESS_EVERY = 2000;

/** A division as imported: checked rings, WGS-84, code and parent settled. */
export interface Division {
  file: string;
  level: RegionLevel;
  code: string;
  name: string;
  parentCode: string | null;
  sample: boolean;
  /** A party branch at this level, when the file says (a `hasBranch` true/false property). */
  hasBranch?: boolean;
  geometry: Polygonal;
}

/** Property names counties use for the same field (the first present wins). */
const CODE_KEYS = ['code', 'CODE', 'Code', 'gridCode', 'GRID_CODE', 'DM', '编码', '代码', '区划代码', '网格编码'];
const NAME_KEYS = ['name', 'NAME', 'Name', 'MC', '名称', '网格名称'];
const PARENT_KEYS = ['parentCode', 'PARENT', 'parent_code', 'PARENTCODE', '上级编码', '上级代码'];
const LEVEL_KEYS = ['level', 'LEVEL'];

const first = (properties: Record<string, unknown>, keys: readonly string[]): unknown => {
  for (const key of keys) if (properties[key] !== undefined && properties[key] !== null) return properties[key];
  return undefined;
};

/** Codes are text; a Shapefile's numeric field holding a 17-digit code has already lost digits. */
const codeText = (value: unknown): { code: string; lossy: boolean } => {
  if (typeof value === 'number') return { code: Number.isSafeInteger(value) ? String(value) : value.toFixed(0), lossy: !Number.isSafeInteger(value) };
  return { code: typeof value === 'string' ? value.trim() : '', lossy: false };
};

const mapGeometry = (geometry: Polygonal, convert: (position: Position) => Position): Polygonal =>
  geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(convert)) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(convert))) };

/** The level a code's length implies (6/9/12/15/17 digits), used when the file does not say. */
const LEVEL_BY_LENGTH = new Map<number, RegionLevel>(REGION_LEVELS.map((level) => [CODE_LENGTH[level], level]));

/**
 * Division features to Divisions: the source datum converted to WGS-84 first, then rings checked
 * and safely repaired (each repair reported once per file), codes read as text. Features that cannot
 * be used are reported as errors and left out; the caller refuses the import when any error stands.
 */
export const readDivisions = (
  sources: readonly FeatureSource[],
  crsOf: (source: FeatureSource) => SourceCrs,
  report: ImportReport,
  onProgress: ImportProgress = () => undefined,
): Division[] => {
  const divisions: Division[] = [];
  for (const source of sources) {
    if (source.role === 'stations' || source.role === 'attributes' || source.role === 'context') continue;
    const convert = positionToWgs84(crsOf(source));
    const fixCounts = new Map<string, { count: number; example: string }>();
    for (const [index, feature] of source.features.entries()) {
      if (index % PROGRESS_EVERY === 0) onProgress(`converting and checking rings of ${basename(source.file)}`, index, source.features.length);
      const { code, lossy } = codeText(first(feature.properties, CODE_KEYS));
      const label = code || `feature #${index + 1}`;
      if (lossy) report.error('code', source.file, `${label}: the code is stored as a number and has lost digits; store codes as text`, { code });
      const rawLevel = first(feature.properties, LEVEL_KEYS);
      const level: RegionLevel | undefined =
        source.role === 'divisions' ? (REGION_LEVELS.includes(rawLevel as RegionLevel) ? (rawLevel as RegionLevel) : LEVEL_BY_LENGTH.get(code.length)) : source.role;
      if (!level) {
        report.error('code', source.file, `${label}: no level (a "level" property or a 6/9/12/15/17-digit code)`, { code });
        continue;
      }
      const converted = feature.geometry && (feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon') ? mapGeometry(feature.geometry, convert) : feature.geometry;
      const normalised = normaliseRings(converted);
      for (const problem of normalised.problems) {
        report.error('ring', source.file, `${label}: ${problem.message}`, { code, ...(problem.where ? { where: reportPoint(problem.where) } : {}) });
      }
      for (const fix of normalised.fixes) {
        if (fix.startsWith('rings rewound') && source.windingByFormat) continue;
        const seen = fixCounts.get(fix) ?? { count: 0, example: label };
        seen.count++;
        fixCounts.set(fix, seen);
      }
      if (!normalised.geometry) continue;
      const parent = codeText(first(feature.properties, PARENT_KEYS)).code;
      const parentLevel = PARENT_LEVEL[level];
      divisions.push({
        file: source.file,
        level,
        code,
        name: String(first(feature.properties, NAME_KEYS) ?? '').trim(),
        parentCode: parent || (parentLevel && CODE_LENGTH[parentLevel] < code.length ? code.slice(0, CODE_LENGTH[parentLevel]) : null),
        sample: feature.properties.sample === true,
        ...(typeof feature.properties.hasBranch === 'boolean' ? { hasBranch: feature.properties.hasBranch } : {}),
        geometry: normalised.geometry,
      });
    }
    onProgress(`converting and checking rings of ${basename(source.file)}`, source.features.length, source.features.length);
    for (const [fix, { count, example }] of fixCounts) {
      report.warning('ring', source.file, `${count} feature${count === 1 ? '' : 's'}: ${fix} (e.g. ${example})`, { fixed: true });
    }
  }
  return divisions;
};

/** Context features (the neighbours drawn around the county) converted, not checked. */
export const readContext = (sources: readonly FeatureSource[], crsOf: (source: FeatureSource) => SourceCrs): { code: string; name: string; geometry: Polygonal }[] =>
  sources
    .filter((source) => source.role === 'context')
    .flatMap((source) =>
      source.features.flatMap((feature) => {
        if (!feature.geometry || (feature.geometry.type !== 'Polygon' && feature.geometry.type !== 'MultiPolygon')) return [];
        // Drawn for orientation only: converted and wound, never refused (neighbours' outlines are coarse).
        const geometry = rewindRfc7946(mapGeometry(feature.geometry, positionToWgs84(crsOf(source))));
        return [{ code: codeText(first(feature.properties, CODE_KEYS)).code, name: String(first(feature.properties, NAME_KEYS) ?? ''), geometry }];
      }),
    );
