import { REGION_LEVELS, type Region, type RegionLevel } from '../../shared/domain/region';
import { countInside, type RegionDirectory } from '../stores/regionDirectory';

export interface LevelCount {
  level: Exclude<RegionLevel, 'county'>;
  count: number;
}

export interface OrganisationFigures {
  /** One tile per level below the region's own, top-down (a county: streets … grids). */
  counts: LevelCount[];
  /** 一小区一支部: compounds with a party branch over compounds; null when no compound is in view. */
  coverage: { withBranch: number; total: number; rate: number } | null;
  households: number;
  residents: number;
  partyMembers: number;
}

const levelsBelow = (level: RegionLevel): LevelCount['level'][] =>
  REGION_LEVELS.slice(REGION_LEVELS.indexOf(level) + 1).filter(
    (below): below is LevelCount['level'] => below !== 'county',
  );

const coverageOf = (withBranch: number, total: number): OrganisationFigures['coverage'] =>
  total > 0 ? { withBranch, total, rate: withBranch / total } : null;

/**
 * The organisation tiles of the region in view, counted from the hierarchy; a compound in view
 * is its own coverage (it has a branch or it does not). Null until both are known.
 */
export const organisationFiguresOf = (
  directory: RegionDirectory,
  region: Region | null,
): OrganisationFigures | null => {
  if (!region || directory.byCode.size === 0) return null;
  const inside = countInside(directory, region.code);
  const coverage =
    region.level === 'compound'
      ? coverageOf(region.hasBranch ? 1 : 0, 1)
      : coverageOf(inside.compoundsWithBranch, inside.compound);
  return {
    counts: levelsBelow(region.level).map((level) => ({ level, count: inside[level] })),
    coverage,
    households: region.households,
    residents: region.residents,
    partyMembers: region.partyMembers,
  };
};
