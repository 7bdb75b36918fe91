import type { ChildFigures } from '../../shared/contract/snapshot';
import type { RegionKpis } from '../../shared/domain/kpi';
import type { RegionFigures } from '../map/binding/regionFigures';

/** A region's figures for its card: open and overdue always, the rest where the screen has them. */
export interface RegionCardFigures {
  open: number;
  overdue: number;
  reportedToday?: number;
  resolvedToday?: number;
  resolutionRate?: number | null;
  stationsOpen?: number;
  stationsTotal?: number;
  volunteersOnDuty?: number;
  households?: number;
}

/** What the screen knows of regions: the scope's KPIs, its children's figures, live counts of every region. */
export interface RegionFigureSources {
  kpis: RegionKpis | null;
  /** The scope's children, recounted live (panels/liveChildFigures.ts). */
  children: readonly ChildFigures[];
  /** Open and overdue of every region with any (map/binding/regionFigures.ts). */
  counts: ReadonlyMap<string, RegionFigures>;
}

/**
 * The best figures for `code`: the scope's own KPIs when it is the scope (a drilled region, once its
 * snapshot is in), a child's figures when it is one of the scope's children, else the live counts of
 * the incidents this screen holds (none: zero). Never fetched: a wall shows what it was sent.
 */
export const regionCardFigures = (code: string, { kpis, children, counts }: RegionFigureSources): RegionCardFigures => {
  if (kpis?.code === code) {
    const { incidents, stations, volunteers } = kpis;
    return {
      open: incidents.open,
      overdue: incidents.overdue,
      reportedToday: incidents.reportedToday,
      resolvedToday: incidents.resolvedToday,
      resolutionRate: incidents.resolutionRate,
      stationsOpen: stations.open + stations.extended,
      stationsTotal: stations.total,
      volunteersOnDuty: volunteers.onDuty,
    };
  }
  const child = children.find((figures) => figures.code === code);
  if (child) return { open: child.open, overdue: child.overdue, reportedToday: child.reportedToday, resolvedToday: child.resolvedToday, households: child.households };
  const live = counts.get(code);
  return { open: live?.open ?? 0, overdue: live?.overdue ?? 0 };
};
