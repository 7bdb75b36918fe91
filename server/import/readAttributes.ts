import type { ImportReport } from './ImportReport';
import type { TableSource } from './ImportSource';
import type { Division } from './readDivisions';

/** One grid's figures from the street data pool (街道数据池). */
export interface GridAttributes {
  households: number;
  residents: number;
  partyMembers: number;
  buildings: number;
  /** A grid party branch; when the file does not say, three members are enough to form one. */
  hasBranch: boolean;
}

const COUNT_COLUMNS = ['households', 'residents', 'partyMembers', 'buildings'] as const;
/** The fewest full members a party branch needs (党章: three or more). */
const BRANCH_MEMBERS = 3;

/**
 * grid-attributes.csv: gridCode (or code), households, residents, partyMembers, buildings, and
 * optionally hasBranch (yes/no). Unknown grids, repeated rows and non-counts are errors; grids
 * without a row are one warning (their figures are 0).
 */
export const readAttributes = (tables: readonly TableSource[], divisions: readonly Division[], report: ImportReport): Map<string, GridAttributes> => {
  const grids = new Set(divisions.filter((division) => division.level === 'grid').map((division) => division.code));
  const attributes = new Map<string, GridAttributes>();
  const sources = tables.filter((table) => table.role === 'attributes');
  for (const table of sources) {
    table.rows.forEach((row, i) => {
      const line = table.lineOf[i];
      const code = (row.gridCode ?? row.code ?? '').trim();
      if (!grids.has(code)) return report.error('attribute', table.file, `line ${line}: grid ${code || '(no gridCode)'} is not in the import`, code ? { code } : {});
      if (attributes.has(code)) return report.error('attribute', table.file, `line ${line}: grid ${code} has a second row`, { code });
      const counts: Record<string, number> = {};
      for (const column of COUNT_COLUMNS) {
        const raw = (row[column] ?? '').trim();
        const value = raw === '' ? 0 : Number(raw);
        if (!Number.isInteger(value) || value < 0) return report.error('attribute', table.file, `line ${line}: ${column} of grid ${code} must be a whole number ≥ 0, got "${raw}"`, { code });
        counts[column] = value;
      }
      const branch = (row.hasBranch ?? '').trim().toLowerCase();
      attributes.set(code, {
        households: counts.households!,
        residents: counts.residents!,
        partyMembers: counts.partyMembers!,
        buildings: counts.buildings!,
        hasBranch: branch === '' ? counts.partyMembers! >= BRANCH_MEMBERS : ['1', 'yes', 'true', 'y', '是'].includes(branch),
      });
    });
  }
  const missing = [...grids].filter((code) => !attributes.has(code));
  if (missing.length > 0) {
    report.warning('attribute', sources[0]?.file ?? '', `${missing.length} of ${grids.size} grids have no attributes row (e.g. ${missing[0]}); their figures are 0`);
  }
  return attributes;
};
