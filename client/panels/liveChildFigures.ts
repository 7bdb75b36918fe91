import type { ChildFigures } from '../../shared/contract/snapshot';
import type { Incident } from '../../shared/domain/incident';
import { isClosed } from '../../shared/logic/sla';

/**
 * The snapshot's child figures with open and overdue recounted from the live incidents: the
 * snapshot's are as old as the snapshot, and KPI frames carry only the region's own totals.
 * Codes nest, so an incident's child is the prefix of its grid code of the children's length.
 * Overdue as the KPI defines it: open and `now` past the deadline.
 */
export const liveChildFigures = (
  children: readonly ChildFigures[],
  incidents: Iterable<Incident>,
  now: number,
): ChildFigures[] => {
  const first = children[0];
  if (!first) return [];
  const codeLength = first.code.length;
  const counts = new Map(children.map((child) => [child.code, { open: 0, overdue: 0 }]));
  for (const incident of incidents) {
    if (isClosed(incident)) continue;
    const count = counts.get(incident.gridCode.slice(0, codeLength));
    if (!count) continue;
    count.open++;
    if (now > incident.dueAt) count.overdue++;
  }
  return children.map((child) => ({ ...child, ...counts.get(child.code) }));
};
