import { covers, mayView, type Principal } from '../../shared/logic/access';
import type { DecisionView } from './Decision';

const within = <T extends { regionPath: string[] }>(principal: Principal, entity: T | undefined): T | undefined =>
  entity && covers(principal, entity.regionPath) ? entity : undefined;

/**
 * What a scoped caller's command may look at: its own scope, nothing else. Whatever lies outside
 * is simply absent, so every refusal is the one for a thing that does not exist (404
 * incident_not_found, 422 grid_not_found…) and no answer can tell "elsewhere" from "nowhere".
 * `openCheckinOf` stays county-wide (a member is on duty in one place); its refusal names nothing.
 */
export const scopedView = (view: DecisionView, principal: Principal): DecisionView => ({
  ...view,
  incident: (id) => within(principal, view.incident(id)),
  station: (id) => within(principal, view.station(id)),
  checkin: (id) => within(principal, view.checkin(id)),
  wish: (id) => within(principal, view.wish(id)),
  region: (code) => (mayView(principal, code) ? view.region(code) : undefined),
});
