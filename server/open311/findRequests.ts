import type { Incident, IncidentCategory } from '../../shared/domain/incident';
import { covers, type Principal } from '../../shared/logic/access';
import { findByPublicId } from '../../shared/logic/privacy/pseudonym';
import type { Audience } from '../../shared/logic/shapeForAudience';
import { isOpen } from '../../shared/logic/sla';
import { incidentsInPeriod } from '../export/incidentsInPeriod';
import type { LiveState } from '../live/LiveState';
import type { EventStore } from '../store/EventStore';

export interface RequestFilter {
  fromMs: number;
  toMs: number;
  services?: ReadonlySet<IncidentCategory>;
  statuses?: ReadonlySet<'open' | 'closed'>;
  limit: number;
}

/**
 * One incident by the id this caller knows it by, inside its scope, else undefined (out of scope is
 * not found). Live state first, then the store (closed long ago); a public caller may know a
 * pseudonymised id only, which live state can resolve.
 */
export const findRequest = async (deps: { live: LiveState; store: EventStore }, principal: Principal, audience: Audience, id: string) => {
  const incidents = deps.live.entities.incidents;
  const found =
    incidents.get(id) ??
    (audience === 'public' ? findByPublicId(incidents.values(), id) : undefined) ??
    ((await deps.store.findEntity('incident', id)) as Incident | undefined);
  return found && covers(principal, found.regionPath) ? found : undefined;
};

const matches = (incident: Incident, filter: RequestFilter) =>
  (!filter.services || filter.services.has(incident.category)) &&
  (!filter.statuses || filter.statuses.has(isOpen(incident) ? 'open' : 'closed'));

const newestFirst = (a: Incident, b: Incident) => b.reportedAt - a.reportedAt || (a.id < b.id ? -1 : 1);

/**
 * The newest `limit` requests of the scope reported in the period, newest first. The store is walked
 * page by page and only the best `limit` are kept, so a long period costs time, not memory.
 */
export const listRequests = async (store: EventStore, scope: string, filter: RequestFilter): Promise<Incident[]> => {
  let kept: Incident[] = [];
  for await (const page of incidentsInPeriod(store, { scope, fromMs: filter.fromMs, toMs: filter.toMs })) {
    for (const incident of page) if (matches(incident, filter)) kept.push(incident);
    if (kept.length > 2 * filter.limit) kept = kept.sort(newestFirst).slice(0, filter.limit);
  }
  return kept.sort(newestFirst).slice(0, filter.limit);
};
