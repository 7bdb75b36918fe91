import { basename } from 'node:path';
import type { StoredCounty } from '../county/StoredCounty';
import type { ImportReport, ReportLine } from './ImportReport';

/** Lines shown on the terminal before the rest is left to the JSON report. */
const SHOWN_LINES = 40;

const cell = (line: ReportLine): string[] => [
  line.severity === 'error' ? 'ERROR' : line.fixed ? 'fixed' : 'warn',
  line.check,
  line.file ? basename(line.file) : '—',
  line.message + (line.areaM2 !== undefined && !line.message.includes('m²') ? ` (${line.areaM2} m²)` : ''),
  line.where ? `${line.where[0].toFixed(6)},${line.where[1].toFixed(6)}` : '',
];

const padded = (rows: string[][]): string => {
  const widths = rows[0]!.map((_, i) => Math.min(i === 3 ? 90 : 40, Math.max(...rows.map((row) => [...row[i]!].length))));
  return rows.map((row) => row.map((value, i) => (i === row.length - 1 ? value : value.padEnd(widths[i]!))).join('  ')).join('\n');
};

/** Counts per level and the number of stations, for the summary line and the JSON report. */
export const countsOf = (county: StoredCounty | null): Record<string, number> =>
  county
    ? { ...Object.fromEntries(Object.entries(county.features).map(([level, collection]) => [level, collection.features.length])), stations: county.stations.length }
    : {};

/** The human-readable table: errors first, then warnings, each with where it is; a summary line last. */
export const formatReport = (report: ImportReport, county: StoredCounty | null, outcome: string, reportFile: string): string => {
  const ordered = [...report.lines].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const rows = [['', 'check', 'file', 'finding', 'where (WGS-84 lng,lat)'], ...ordered.slice(0, SHOWN_LINES).map(cell)];
  const more = ordered.length > SHOWN_LINES ? `\n… ${ordered.length - SHOWN_LINES} more lines in ${reportFile}` : '';
  const counts = Object.entries(countsOf(county)).map(([key, value]) => `${value} ${key}`).join(', ');
  const table = ordered.length > 0 ? `${padded(rows)}${more}\n\n` : '';
  return `${table}${report.errors} error(s), ${report.warnings} warning(s)${counts ? ` — ${counts}` : ''}\n${outcome}\nreport: ${reportFile}\n`;
};
