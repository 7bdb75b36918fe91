import { CODE_LENGTH, type RegionLevel } from '../../../shared/domain/region';

/** The region fills a click can land on, finest first. */
export const DRILL_LAYERS: readonly string[] = ['grid-fill', 'compound-fill', 'community-fill', 'street-fill'];

/**
 * The zoom from which each level is visibly drawn (see the layer files): a click picks what the
 * presenter can see, so at county scale a community blob is clickable but its compounds are not.
 */
export const DRILL_MIN_ZOOM: Readonly<Record<RegionLevel, number>> = {
  county: 0,
  street: 0,
  community: 0,
  compound: 12,
  grid: 14,
};

export interface RegionHit {
  code: string;
  level: RegionLevel;
}

/**
 * A grid is drilled into only from its own compound (or a neighbouring grid of it): a community
 * fitted to the screen is already at grid zoom, and a click there must land on the compound, the
 * unit a command centre talks about, not skip it.
 */
const skipsItsCompound = (hit: RegionHit, scope: string): boolean =>
  hit.level === 'grid' && !scope.startsWith(hit.code.slice(0, CODE_LENGTH.compound));

/**
 * The region a click drills into: the finest region under the pointer that is visible at this zoom
 * (never a grid past its compound), or null when that is the scope already (nothing finer to go to here).
 */
export const drillTarget = (hits: readonly RegionHit[], zoom: number, scope: string): string | null => {
  let best: RegionHit | null = null;
  for (const hit of hits) {
    if (zoom < DRILL_MIN_ZOOM[hit.level] || skipsItsCompound(hit, scope)) continue;
    if (!best || hit.code.length > best.code.length) best = hit;
  }
  return best && best.code !== scope ? best.code : null;
};
