import type { Incident, Priority } from '../../shared/domain/incident';
import type { LngLat } from '../../shared/domain/common';
import { closedAt, isClosed } from '../../shared/logic/sla';

/**
 * What a wall still needs of an incident closed a while ago: a point on the 7-day heat map. A whole
 * incident (description, timeline, region path) weighs a kilobyte or two; this is a tenth of that.
 * At the demo's pace a wall would otherwise hold tens of thousands of finished cases in a week.
 */
export interface HeatPoint {
  readonly id: string;
  readonly location: LngLat;
  readonly priority: Priority;
  readonly reportedAt: number;
}

/**
 * Moves incidents closed more than `afterMs` ago from `incidents` into `heat`. Returns how many moved.
 * A later event for one (its 回访 rating) finds no incident and changes nothing on a wall: the
 * figures it moves come from the server's KPIs, not from here.
 */
export const compactClosedIncidents = (
  incidents: Map<string, Incident>,
  heat: Map<string, HeatPoint>,
  now: number,
  afterMs: number,
): number => {
  let moved = 0;
  for (const [id, incident] of incidents) {
    if (!isClosed(incident) || now - closedAt(incident) <= afterMs) continue;
    incidents.delete(id);
    heat.set(id, { id, location: incident.location, priority: incident.priority, reportedAt: incident.reportedAt });
    moved++;
  }
  return moved;
};

/** Forgets heat points reported longer ago than `retainMs`; returns how many went. */
export const pruneHeatPoints = (heat: Map<string, HeatPoint>, now: number, retainMs: number): number => {
  let removed = 0;
  for (const [id, point] of heat) {
    if (now - point.reportedAt <= retainMs) continue;
    heat.delete(id);
    removed++;
  }
  return removed;
};
