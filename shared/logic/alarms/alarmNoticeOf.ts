import type { AlarmNotice } from '../../contract/alarms';
import type { Incident } from '../../domain/incident';
import type { Alarm } from './alarmOf';
import { publicIncident, type Audience } from '../shapeForAudience';
import { pseudonymIfPersonal } from '../privacy/pseudonym';

/** The name of a region by code ('' if unknown). */
export type RegionNameOf = (code: string) => string;

/**
 * An alarm as a screen of `audience` receives it. Built field by field from the incident, so the
 * reporter is never in it, whoever watches; a public screen's description is scrubbed exactly as
 * the incident's own is for that screen.
 */
export const alarmNoticeOf = (alarm: Alarm, incident: Incident, audience: Audience, nameOf: RegionNameOf): AlarmNotice => {
  const incidentId = audience === 'public' ? pseudonymIfPersonal(alarm.incidentId) : alarm.incidentId;
  return noticeFields(incidentId, alarm, incident, audience, nameOf);
};

/** A lone alarm leads its own group of one; the feed fills in the groups it finds. */
const noticeFields = (incidentId: string, alarm: Alarm, incident: Incident, audience: Audience, nameOf: RegionNameOf): AlarmNotice => ({
  incidentId,
  reason: alarm.reason,
  since: alarm.since,
  category: incident.category,
  priority: incident.priority,
  status: incident.status,
  location: incident.location,
  gridCode: incident.gridCode,
  regionPath: incident.regionPath,
  regionNames: incident.regionPath.map(nameOf),
  description: audience === 'public' ? publicIncident(incident).description : incident.description,
  group: incidentId,
  count: 1,
});
