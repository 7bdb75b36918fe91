import type { RegionLevel } from '../../shared/domain/region';

/** What the wall needs to know of a region besides its shape: its name and whether it has a branch. */
export interface DirectoryEntry {
  code: string;
  level: RegionLevel;
  name: string;
  hasBranch: boolean;
}

/**
 * Every region of the county by code, without geometry. Region codes nest (a compound's code
 * starts with its community's), so "inside" is a prefix test and needs no parent links.
 */
export interface RegionDirectory {
  readonly byCode: ReadonlyMap<string, DirectoryEntry>;
}

export const EMPTY_DIRECTORY: RegionDirectory = { byCode: new Map() };

export const createRegionDirectory = (entries: Iterable<DirectoryEntry>): RegionDirectory => {
  const byCode = new Map<string, DirectoryEntry>();
  for (const entry of entries) byCode.set(entry.code, entry);
  return { byCode };
};

/** Counts of regions strictly inside `scope`, per level, and of compounds with a party branch. */
export interface RegionCounts {
  street: number;
  community: number;
  compound: number;
  grid: number;
  compoundsWithBranch: number;
}

export const countInside = (directory: RegionDirectory, scope: string): RegionCounts => {
  const counts: RegionCounts = { street: 0, community: 0, compound: 0, grid: 0, compoundsWithBranch: 0 };
  for (const entry of directory.byCode.values()) {
    if (entry.code.length <= scope.length || !entry.code.startsWith(scope)) continue;
    if (entry.level === 'county') continue;
    counts[entry.level]++;
    if (entry.level === 'compound' && entry.hasBranch) counts.compoundsWithBranch++;
  }
  return counts;
};

/**
 * Where something happened, for the event board: the community and compound names of its path
 * (the levels a command centre talks about), or the street when that is all the path knows.
 */
export const placeOf = (directory: RegionDirectory, regionPath: readonly string[]): string => {
  const names: string[] = [];
  for (const code of regionPath) {
    const entry = directory.byCode.get(code);
    if (entry && (entry.level === 'community' || entry.level === 'compound')) names.push(entry.name);
  }
  if (names.length > 0) return names.join(' · ');
  for (const code of [...regionPath].reverse()) {
    const entry = directory.byCode.get(code);
    if (entry && entry.level !== 'grid') return entry.name;
  }
  return '';
};
