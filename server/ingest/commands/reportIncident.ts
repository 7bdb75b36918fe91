import type { ReportIncidentBody } from '../../../shared/contract/http';
import { newIncident } from '../../../shared/logic/incidentMachine';
import { toDisplayDatum } from '../../../shared/logic/geo/gcj02';
import { accept, refuse, type Decision, type DecisionView } from '../Decision';

/** 上报: place the report in its grid (given, or found by point-in-polygon) and open its timeline. */
export const reportIncident = (body: ReportIncidentBody, view: DecisionView): Decision => {
  const [lng, lat] = toDisplayDatum(body.lng, body.lat, body.crs ?? 'gcj02');
  const gridCode = body.gridCode ?? view.county.locateGrid(lng, lat);
  if (gridCode === null) {
    return refuse(422, 'outside_jurisdiction', `lng/lat (${body.lng}, ${body.lat}) is not inside any grid of ${view.county.county.name}`);
  }
  // A named grid must be one the caller may see. A located one is public geography: the ingest
  // service refuses a place outside the caller's scope, naming nothing in it.
  const grid = body.gridCode === undefined ? view.county.get(gridCode) : view.region(gridCode);
  if (!grid || grid.level !== 'grid') {
    return refuse(422, 'grid_not_found', `gridCode ${gridCode} is not a grid of ${view.county.county.name}`);
  }
  if (body.id !== undefined && view.incident(body.id)) {
    return refuse(409, 'duplicate_id', `id ${body.id} is already an incident`);
  }
  const incident = newIncident({
    id: body.id ?? view.newId('INC'),
    body,
    location: { lng, lat },
    gridCode,
    regionPath: grid.path,
    now: view.now,
  });
  return accept(
    201,
    { id: view.newId('EV'), type: 'incident:reported', at: view.now, regionPath: grid.path, payload: { incident } },
    { collection: 'incidents', id: incident.id },
  );
};
