import type { RegionLevel } from '../../shared/domain/region';
import type { Rng } from '../../shared/logic/rng';
import type { Figures, RegionDraft } from './regionDraft';

/**
 * One grid's people. The seeds' 户—队—片—区 scheme (10 households a team, 10 teams a patch) puts a
 * grid at one to three patches: 80–300 households, ~2.9 residents each, party members 4–7 %.
 */
export const gridFigures = (rng: Rng): Figures => {
  const households = Math.round(rng.normalClamped(185, 55, 80, 300));
  const residents = Math.round(households * rng.float(2.6, 3.2));
  const partyMembers = Math.round(residents * rng.float(0.04, 0.07));
  return { households, residents, partyMembers };
};

/** Child levels from the bottom: each pass adds one level into its parents, which are then complete. */
const CHILD_LEVELS_BOTTOM_UP: RegionLevel[] = ['grid', 'compound', 'community', 'street'];

/** Sets every non-grid region's figures to the sum of its children's, from the grids up. */
export const rollUpFigures = (drafts: readonly RegionDraft[]): void => {
  const byCode = new Map(drafts.map((draft) => [draft.code, draft]));
  for (const draft of drafts) if (draft.level !== 'grid') Object.assign(draft, { households: 0, residents: 0, partyMembers: 0 });
  for (const level of CHILD_LEVELS_BOTTOM_UP) {
    for (const child of drafts) {
      const parent = child.level === level && child.parentCode !== null ? byCode.get(child.parentCode) : undefined;
      if (!parent) continue;
      parent.households += child.households;
      parent.residents += child.residents;
      parent.partyMembers += child.partyMembers;
    }
  }
};
