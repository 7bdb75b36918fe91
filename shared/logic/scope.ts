import { CODE_LENGTH, REGION_LEVELS } from '../domain/region';

/** Code lengths county → grid (6, 9, 12, 15, 17): every code starts with its ancestors' codes. */
const LENGTHS: readonly number[] = REGION_LEVELS.map((level) => CODE_LENGTH[level]);
const DIGITS = /^[0-9]+$/;

/** A code of one of the five levels; anything else is refused as a scope (fail closed). */
export const isValidScopeCode = (code: string): boolean => DIGITS.test(code) && LENGTHS.includes(code.length);

/** Strict ancestors of a region, county first, read off the code itself; [] for an invalid code. */
export const ancestorsOf = (code: string): string[] =>
  isValidScopeCode(code) ? LENGTHS.filter((n) => n < code.length).map((n) => code.slice(0, n)) : [];

/** Ancestors then the code itself. */
export const lineageOf = (code: string): string[] => (isValidScopeCode(code) ? [...ancestorsOf(code), code] : []);

/**
 * Whether a record with this path is visible to a viewer scoped to `scopeCode`: the scope must
 * be the record's region or one of its ancestors. Read from the codes as well as the path, so a
 * path that lists only its most specific region still resolves.
 */
export const isInScope = (regionPath: readonly string[], scopeCode: string): boolean =>
  isValidScopeCode(scopeCode) &&
  regionPath.some((code) => code === scopeCode || (isValidScopeCode(code) && code.startsWith(scopeCode)));
