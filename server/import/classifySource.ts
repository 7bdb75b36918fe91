import type { SourceRole } from './ImportSource';

/** File base names (lower case, extension dropped) and what they hold; Chinese names as counties write them. */
const ROLE_PATTERNS: readonly [RegExp, SourceRole][] = [
  [/^(grid-?attributes|attributes|data-?pool|网格属性|数据池)$/, 'attributes'],
  [/^(stations?|阵地|站点)$/, 'stations'],
  [/^(context|neighbours|neighbors|周边)$/, 'context'],
  [/^(divisions|区划)$/, 'divisions'],
  [/^(county|区县|县)$/, 'county'],
  [/^(streets?|街道|乡镇|镇街)$/, 'street'],
  [/^(communit(y|ies)|社区|村居|村社区)$/, 'community'],
  [/^(compounds?|小区)$/, 'compound'],
  [/^(grids?|网格)$/, 'grid'],
];

/** The role of a file from its base name, or null for a file the importer does not know (reported and skipped). */
export const classifySource = (baseName: string): SourceRole | null => {
  const key = baseName.toLowerCase().replace(/\.(geo)?json$|\.zip$|\.shp$|\.csv$/, '');
  for (const [pattern, role] of ROLE_PATTERNS) if (pattern.test(key)) return role;
  return null;
};
