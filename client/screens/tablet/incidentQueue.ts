import type { Incident, Priority } from '../../../shared/domain/incident';
import { isOpen, isOverdue } from '../../../shared/logic/sla';

/** One line of the leader's work list. */
export interface QueueRow {
  incident: Incident;
  overdue: boolean;
  /** Milliseconds to the deadline; negative once it has passed. */
  dueInMs: number;
}

const PRIORITY_RANK: Readonly<Record<Priority, number>> = { urgent: 0, high: 1, normal: 2, low: 3 };

const byDeadline = (a: QueueRow, b: QueueRow): number =>
  Number(b.overdue) - Number(a.overdue) ||
  a.incident.dueAt - b.incident.dueAt ||
  PRIORITY_RANK[a.incident.priority] - PRIORITY_RANK[b.incident.priority] ||
  a.incident.id.localeCompare(b.incident.id);

/**
 * The open incidents (not yet 办结) in the order a leader works through them: overdue first —
 * what they look for first — then by deadline, the most pressing priority breaking a tie.
 * `now` is the server's clock, by which deadlines are stamped.
 */
export const incidentQueue = (incidents: Iterable<Incident>, now: number): QueueRow[] => {
  const rows: QueueRow[] = [];
  for (const incident of incidents) {
    if (isOpen(incident)) rows.push({ incident, overdue: isOverdue(incident, now), dueInMs: incident.dueAt - now });
  }
  return rows.sort(byDeadline);
};
