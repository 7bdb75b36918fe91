import type { Incident } from '../../domain/incident';
import { isOpen, isOverdue } from '../sla';
import type { AlarmPolicy } from './alarmPolicy';

/** Why an incident alarms: its priority is one the policy names, or it is past its deadline. */
export type AlarmReason = 'urgent' | 'overdue';

export interface Alarm {
  incidentId: string;
  reason: AlarmReason;
  /** When this alarm began (server epoch ms): the report for 'urgent', the deadline for 'overdue'. */
  since: number;
}

type AlarmInput = Pick<Incident, 'id' | 'status' | 'priority' | 'category' | 'reportedAt' | 'dueAt' | 'alarmAcknowledgedAt'>;

const raisedBy = (incident: AlarmInput, now: number, policy: AlarmPolicy): Alarm | null => {
  // Overdue first: an urgent case that has also run past its deadline is now the more pressing story.
  if (policy.overdue && isOverdue(incident, now)) return { incidentId: incident.id, reason: 'overdue', since: incident.dueAt };
  if (policy.priorities.includes(incident.priority)) return { incidentId: incident.id, reason: 'urgent', since: incident.reportedAt };
  return null;
};

/**
 * The alarm an incident raises at `now` under `policy`, or null: only open incidents of the policy's
 * categories alarm. An acknowledgement silences the alarm it answered, not a later one — an urgent
 * case acknowledged on arrival alarms again, as overdue, once it passes its deadline unresolved.
 */
export const alarmOf = (incident: AlarmInput, now: number, policy: AlarmPolicy): Alarm | null => {
  if (!isOpen(incident)) return null;
  if (policy.categories !== 'all' && !policy.categories.includes(incident.category)) return null;
  const alarm = raisedBy(incident, now, policy);
  if (!alarm) return null;
  const acknowledgedAt = incident.alarmAcknowledgedAt;
  return acknowledgedAt !== undefined && acknowledgedAt >= alarm.since ? null : alarm;
};

/** Every alarm among `incidents` at `now`, newest first (ties by id, so the order is stable). */
export const activeAlarms = (incidents: Iterable<AlarmInput>, now: number, policy: AlarmPolicy): Alarm[] => {
  const alarms: Alarm[] = [];
  for (const incident of incidents) {
    const alarm = alarmOf(incident, now, policy);
    if (alarm) alarms.push(alarm);
  }
  return alarms.sort((a, b) => b.since - a.since || (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0));
};

/** Identifies one alarm (not the incident): the same incident alarming again, for another reason, is new. */
export const alarmKey = (alarm: Alarm): string => `${alarm.incidentId}@${alarm.reason}@${alarm.since}`;
