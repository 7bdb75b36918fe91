import { CODE_LENGTH, PARENT_LEVEL } from '../../shared/domain/region';
import type { ImportReport } from './ImportReport';
import type { Division } from './readDivisions';

const DIGITS = /^[0-9]+$/;
const MAX_NAME_LENGTH = 64;

/**
 * Codes unique and nested, names present: every code has its level's length (county 6, street 9,
 * community 12, compound 15, grid 17 digits — GB/T 2260 and the statistical codes, extended by 3 and
 * 2 digits), starts with its parent's code, and the parent exists one level up. One county.
 */
export const checkCodes = (divisions: readonly Division[], report: ImportReport): void => {
  const byCode = new Map<string, Division>();
  for (const division of divisions) {
    const { code, level, file } = division;
    if (!DIGITS.test(code) || code.length !== CODE_LENGTH[level]) {
      report.error('code', file, `${code || '(no code)'}: a ${level} code has ${CODE_LENGTH[level]} digits, got "${code}"`, { code });
    }
    const earlier = byCode.get(code);
    if (earlier) report.error('code', file, `${code}: used twice (also ${earlier.name || 'unnamed'} in ${earlier.file})`, { code });
    else byCode.set(code, division);
    if (division.name === '') report.error('name', file, `${code}: the ${level} has no name`, { code });
    else if (division.name.length > MAX_NAME_LENGTH) report.error('name', file, `${code}: the name is longer than ${MAX_NAME_LENGTH} characters`, { code });
  }
  const counties = divisions.filter((division) => division.level === 'county');
  if (counties.length !== 1) report.error('code', '', `the import needs exactly one county outline, found ${counties.length}`);
  for (const division of divisions) {
    const parentLevel = PARENT_LEVEL[division.level];
    if (!parentLevel) continue;
    const { code, parentCode, file } = division;
    if (!parentCode || !code.startsWith(parentCode)) {
      report.error('code', file, `${code}: does not start with its parent's code ${parentCode ?? '(none)'}`, { code });
      continue;
    }
    const parent = byCode.get(parentCode);
    if (!parent) report.error('code', file, `${code}: its parent ${parentLevel} ${parentCode} is not in the import`, { code });
    else if (parent.level !== parentLevel) report.error('code', file, `${code}: its parent ${parentCode} is a ${parent.level}, a ${division.level} belongs to a ${parentLevel}`, { code });
  }
};
