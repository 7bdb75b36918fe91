import type { ChildFigures } from '../../shared/contract/snapshot';
import type { RegionKpis } from '../../shared/domain/kpi';
import type { OrganisationFigures } from './organisationFiguresOf';

/** Everything the KPI panels show, for the region in view; each panel takes its part. */
export interface PanelData {
  kpis: RegionKpis | null;
  /** Direct subdivisions with live open/overdue counts, for the ranking. */
  children: readonly ChildFigures[];
  organisation: OrganisationFigures | null;
}
