import type { Incident } from '../../../shared/domain/incident';
import { isOpen, isOverdue } from '../../../shared/logic/sla';

/** Open and overdue incidents of one region, counting everything inside it. */
export interface RegionFigures {
  open: number;
  overdue: number;
}

/**
 * Open and overdue counts for every region that has any, by walking each open incident's
 * `regionPath` (county → grid): one pass, so a grid's incident counts for its compound, community,
 * street and county too.
 */
export const regionFigures = (incidents: Iterable<Incident>, now: number): Map<string, RegionFigures> => {
  const figures = new Map<string, RegionFigures>();
  for (const incident of incidents) {
    if (!isOpen(incident)) continue;
    const overdue = isOverdue(incident, now) ? 1 : 0;
    for (const code of incident.regionPath) {
      const entry = figures.get(code);
      if (entry) {
        entry.open += 1;
        entry.overdue += overdue;
      } else {
        figures.set(code, { open: 1, overdue });
      }
    }
  }
  return figures;
};
