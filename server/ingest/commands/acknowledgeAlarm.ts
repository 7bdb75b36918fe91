import type { AlarmAckRole } from '../../../shared/domain/event';
import type { Incident } from '../../../shared/domain/incident';
import { alarmOf } from '../../../shared/logic/alarms/alarmOf';
import type { AlarmPolicy } from '../../../shared/logic/alarms/alarmPolicy';
import { isOpen } from '../../../shared/logic/sla';
import { accept, refuse, type Decision, type DecisionView } from '../Decision';

/** Why an incident has nothing to acknowledge, for the 409's message. */
const whyNoAlarm = (incident: Incident, now: number, policy: AlarmPolicy): string => {
  if (!isOpen(incident)) return `it is ${incident.status}`;
  const { alarmAcknowledgedAt, ...unacknowledged } = incident;
  if (alarmAcknowledgedAt !== undefined && alarmOf(unacknowledged, now, policy)) return 'its alarm was already acknowledged';
  return 'the alarm policy does not raise one for it';
};

/**
 * 确认告警: stops an incident's alarm on every wall. Only an alarm the policy raises now can be
 * acknowledged, so a second tap (another key) is a 409, while a retry of the same key replays.
 */
export const acknowledgeAlarm = (id: string, by: AlarmAckRole, policy: AlarmPolicy, view: DecisionView): Decision => {
  const incident = view.incident(id);
  if (!incident) return refuse(404, 'incident_not_found', `no incident with id ${id}`);
  if (!alarmOf(incident, view.now, policy)) {
    const message = `incident ${id} has no active alarm: ${whyNoAlarm(incident, view.now, policy)}`;
    return refuse(409, 'no_active_alarm', message, { currentStatus: incident.status });
  }
  return accept(
    200,
    { id: view.newId('EV'), type: 'incident:alarmAcknowledged', at: view.now, regionPath: incident.regionPath, payload: { incidentId: id, by } },
    { collection: 'incidents', id },
  );
};
