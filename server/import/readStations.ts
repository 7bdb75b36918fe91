import type { Position } from 'geojson';
import { STATION_TYPES, type OpeningHours, type Station, type StationType } from '../../shared/domain/station';
import { distanceToBoundaryM } from '../../shared/logic/geo/distanceToBoundaryM';
import { pointInPolygon } from '../../shared/logic/geo/pointInPolygon';
import { reportPoint, type ImportReport } from './ImportReport';
import type { FeatureSource, SourceCrs, TableSource } from './ImportSource';
import type { Division } from './readDivisions';
import { positionToWgs84 } from './toWgs84';

/** A station row, from a CSV line or a GeoJSON Point's properties. */
interface StationRow {
  file: string;
  label: string;
  fields: Record<string, unknown>;
  position: Position | null;
  crs: SourceCrs;
}

const HOURS = /^([01][0-9]|2[0-3]):([0-5][0-9])\s*[-–~]\s*([01][0-9]|2[0-3]):([0-5][0-9])$/;
const CLOCK = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const WEEKEND = ['closed', 'all_day', 'same'] as const;
const DEFAULT_HOURS = '08:30-17:30';

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

const rowsOf = (tables: readonly TableSource[], features: readonly FeatureSource[], crsOf: (file: string) => SourceCrs): StationRow[] => [
  ...tables
    .filter((table) => table.role === 'stations')
    .flatMap((table) =>
      table.rows.map((fields, i) => {
        const lng = Number(fields.lng);
        const lat = Number(fields.lat);
        const position = fields.lng && fields.lat && Number.isFinite(lng) && Number.isFinite(lat) ? [lng, lat] : null;
        return { file: table.file, label: `line ${table.lineOf[i]}`, fields, position, crs: crsOf(table.file) };
      }),
    ),
  ...features
    .filter((source) => source.role === 'stations')
    .flatMap((source) =>
      source.features.map((feature, i) => ({
        file: source.file,
        label: `feature #${i + 1}`,
        fields: feature.properties,
        position: feature.geometry?.type === 'Point' ? feature.geometry.coordinates : null,
        crs: crsOf(source.file),
      })),
    ),
];

const parseHours = (row: StationRow, report: ImportReport): OpeningHours | null => {
  const raw = text(row.fields.hours) || DEFAULT_HOURS;
  const match = HOURS.exec(raw);
  const extendedUntil = text(row.fields.extendedUntil);
  const weekend = text(row.fields.weekend) || 'same';
  if (!match || (extendedUntil && !CLOCK.test(extendedUntil)) || !(WEEKEND as readonly string[]).includes(weekend)) {
    report.error('station', row.file, `${row.label}: opening hours need hours "HH:MM-HH:MM", extendedUntil "HH:MM" and weekend ${WEEKEND.join('|')}; got "${raw}", "${extendedUntil}", "${weekend}"`);
    return null;
  }
  return {
    weekdayOpen: `${match[1]}:${match[2]}`,
    weekdayClose: `${match[3]}:${match[4]}`,
    ...(extendedUntil ? { extendedUntil } : {}),
    weekend: weekend as OpeningHours['weekend'],
  };
};

/**
 * Stations from stations.csv (type, name, code, lng, lat, hours, extendedUntil, weekend, capacity,
 * regionCode) or stations.geojson (Points, same properties). A station outside the county is an
 * error; one without a regionCode belongs to the compound, else the community, it stands in.
 */
export const readStations = (
  tables: readonly TableSource[],
  features: readonly FeatureSource[],
  divisions: readonly Division[],
  crsOf: (file: string) => SourceCrs,
  toleranceM: number,
  report: ImportReport,
): Station[] => {
  const county = divisions.find((division) => division.level === 'county');
  const byCode = new Map(divisions.map((division) => [division.code, division]));
  const homes = divisions.filter((division) => division.level === 'compound' || division.level === 'community').sort((a, b) => b.code.length - a.code.length);
  const seen = new Set<string>();
  const stations: Station[] = [];
  for (const row of rowsOf(tables, features, crsOf)) {
    const code = text(row.fields.code);
    const name = text(row.fields.name);
    const type = text(row.fields.type);
    const fail = (message: string, extra = {}) => report.error('station', row.file, `${code || row.label}: ${message}`, { ...(code ? { code } : {}), ...extra });
    if (!/^[A-Za-z0-9_.:-]{1,60}$/.test(code)) { fail('a station needs a code of letters, digits and _.:- (up to 60)'); continue; }
    if (seen.has(code)) { fail('the code is used twice'); continue; }
    seen.add(code);
    if (name === '') { report.error('name', row.file, `${code}: the station has no name`, { code }); continue; }
    if (!(STATION_TYPES as readonly string[]).includes(type)) { fail(`type "${type}" is not one of ${STATION_TYPES.join(', ')}`); continue; }
    if (!row.position) { fail('no location (lng, lat columns or a Point geometry)'); continue; }
    const [lng, lat] = positionToWgs84(row.crs)(row.position) as [number, number];
    if (county && !pointInPolygon(lng, lat, county.geometry) && distanceToBoundaryM([lng, lat], county.geometry) > toleranceM) {
      fail(`stands outside the county ${county.code}`, { where: reportPoint([lng, lat]) });
      continue;
    }
    const given = text(row.fields.regionCode);
    const home = given ? byCode.get(given) : homes.find((division) => pointInPolygon(lng, lat, division.geometry));
    if (!home) { fail(given ? `regionCode ${given} is not in the import` : 'stands in no community or compound', { where: reportPoint([lng, lat]) }); continue; }
    const hours = parseHours(row, report);
    if (!hours) continue;
    const capacity = text(row.fields.capacity) === '' ? 0 : Number(row.fields.capacity);
    stations.push({
      id: `ST-${code}`.slice(0, 64),
      type: type as StationType,
      name,
      regionCode: home.code,
      regionPath: pathOf(home, byCode),
      location: { lng, lat },
      hours,
      capacity: Number.isInteger(capacity) && capacity >= 0 ? capacity : 0,
      status: 'closed',
      onDuty: null,
      onDutyCount: 0,
      visitors: 0,
      activity: null,
      updatedAt: 0,
    });
  }
  return stations;
};

/** Codes from the county down to a division, through its parents. */
export const pathOf = (division: Division, byCode: ReadonlyMap<string, Division>): string[] => {
  const path: string[] = [];
  for (let at: Division | undefined = division; at; at = at.parentCode ? byCode.get(at.parentCode) : undefined) path.unshift(at.code);
  return path;
};
