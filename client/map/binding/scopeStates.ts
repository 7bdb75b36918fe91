import { lineageOf } from '../../../shared/logic/scope';
import type { RegionIndex } from '../regions/regionIndex';

/** Which regions a scope lights up and which it dims, as codes (each code's level names its source). */
export interface ScopeStates {
  /** The scope itself, unless it is the whole county (whose outline is already the brightest line). */
  selected: ReadonlySet<string>;
  /**
   * Everything outside the scope, as few regions as possible: the siblings of the scope and of each of
   * its ancestors. They do not overlap, so each part of the outside is dimmed exactly once.
   */
  outside: ReadonlySet<string>;
}

export const scopeStates = (index: RegionIndex, scope: string): ScopeStates => {
  const lineage = lineageOf(scope).filter((code) => index.get(code) !== undefined);
  if (lineage.at(-1) !== scope || scope === index.countyCode) return { selected: new Set(), outside: new Set() };
  const onPath = new Set(lineage);
  const outside = new Set<string>();
  for (const ancestor of lineage.slice(0, -1)) {
    for (const child of index.childrenOf(ancestor)) if (!onPath.has(child)) outside.add(child);
  }
  return { selected: new Set([scope]), outside };
};
