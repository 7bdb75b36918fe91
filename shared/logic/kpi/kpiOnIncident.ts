import type { Incident } from '../../domain/incident';
import { advanceKpiClock } from './advanceKpiClock';
import { countIncident } from './countIncident';
import type { KpiBook } from './kpiBook';

/**
 * Call after the reducer has replaced an incident: `before` is the entity it replaced (undefined
 * when just reported), `after` the new one. Removing one contribution and adding the other handles
 * every transition alike — accept, escalate (same region path, so counts stay put), resolve, rate —
 * and the counts cannot drift. O(path depth); allocates nothing unless an hour boundary is crossed.
 */
export const kpiOnIncident = (book: KpiBook, before: Incident | undefined, after: Incident, now: number): void => {
  advanceKpiClock(book, now);
  if (before !== undefined) countIncident(book, before, -1);
  countIncident(book, after, 1);
};
