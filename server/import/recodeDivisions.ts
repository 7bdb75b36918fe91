import { CODE_LENGTH, PARENT_LEVEL, REGION_LEVELS } from '../../shared/domain/region';
import type { ImportReport } from './ImportReport';
import type { TableSource } from './ImportSource';
import type { Division } from './readDivisions';

/** A division renumbered into the 6/9/12/15/17-digit scheme, with the county's own code beside it. */
export type RecodedDivision = Division & { sourceCode?: string };

/** The parent of a division in the county's own scheme: its parentCode, else the longest code one level up that prefixes it (a street: the county). */
const sourceParentOf = (division: Division, candidates: readonly Division[]): Division | undefined => {
  const given = division.parentCode;
  if (given && candidates.some((c) => c.code === given)) return candidates.find((c) => c.code === given);
  // Streets of the one county belong to it, whatever their own codes look like.
  if (division.level === 'street' && candidates.length === 1) return candidates[0];
  return candidates.filter((c) => division.code.startsWith(c.code)).sort((a, b) => b.code.length - a.code.length)[0];
};

/**
 * `--recode`: for a county whose own numbering does not follow the 6/9/12/15/17-digit scheme that
 * scopes and tokens read, each child gets its parent's new code plus its rank among its siblings
 * (ordered by its own code), and keeps its own code as `sourceCode`. The nesting comes from
 * `parentCode`, else from code prefixes; the county keeps its 6-digit GB/T 2260 code. The data
 * pool's gridCode and the stations' regionCode may use either code. Returns null (with errors) when
 * the nesting cannot be read.
 */
export const recodeDivisions = (divisions: readonly Division[], tables: TableSource[], report: ImportReport): RecodedDivision[] | null => {
  const byLevel = new Map(REGION_LEVELS.map((level) => [level, divisions.filter((d) => d.level === level)]));
  const newCode = new Map<Division, string>();
  const county = byLevel.get('county')![0];
  if (!county || !/^[0-9]{6}$/.test(county.code)) {
    report.error('code', county?.file ?? '', `--recode keeps the county's GB/T 2260 code, which has 6 digits; got "${county?.code ?? '(no county)'}"`);
    return null;
  }
  newCode.set(county, county.code);
  let failed = false;
  for (const level of REGION_LEVELS.slice(1)) {
    const parentLevel = PARENT_LEVEL[level]!;
    const width = CODE_LENGTH[level] - CODE_LENGTH[parentLevel];
    const families = new Map<Division, Division[]>();
    for (const division of byLevel.get(level)!) {
      const parent = sourceParentOf(division, byLevel.get(parentLevel)!);
      if (!parent || !newCode.has(parent)) {
        report.error('code', division.file, `${division.code}: --recode finds no ${parentLevel} it belongs to (give parentCode)`, { code: division.code });
        failed = true;
        continue;
      }
      families.set(parent, [...(families.get(parent) ?? []), division]);
    }
    for (const [parent, children] of families) {
      if (children.length >= 10 ** width) {
        report.error('code', children[0]!.file, `${parent.code}: ${children.length} ${level}s do not fit in ${width} digits`, { code: parent.code });
        failed = true;
        continue;
      }
      [...children].sort((a, b) => a.code.localeCompare(b.code)).forEach((child, i) => newCode.set(child, `${newCode.get(parent)}${String(i + 1).padStart(width, '0')}`));
    }
  }
  if (failed) return null;
  const mapping = new Map([...newCode].map(([division, code]) => [division.code, code]));
  for (const table of tables) {
    for (const row of table.rows) {
      for (const column of ['gridCode', 'code', 'regionCode']) {
        if (table.role === 'stations' && column === 'code') continue;
        const mapped = row[column] === undefined ? undefined : mapping.get(row[column]!);
        if (mapped) row[column] = mapped;
      }
    }
  }
  const recoded = divisions.map((division) => {
    const code = newCode.get(division)!;
    const parent = division.level === 'county' ? null : code.slice(0, CODE_LENGTH[PARENT_LEVEL[division.level]!]);
    return { ...division, code, parentCode: parent, ...(code !== division.code ? { sourceCode: division.code } : {}) };
  });
  const changed = recoded.filter((division) => division.sourceCode).length;
  report.warning('code', '', `--recode: ${changed} divisions renumbered into the 6/9/12/15/17-digit scheme; each keeps its own code as sourceCode`, { fixed: true });
  return recoded;
};
