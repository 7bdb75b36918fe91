import { alarmOf, type Alarm } from '../../shared/logic/alarms/alarmOf';
import type { Rng } from '../../shared/logic/rng';
import { isOpen } from '../../shared/logic/sla';
import type { Incident } from '../../shared/domain/incident';
import { dueInWindow, type PlannedCommand, type SimulatorWindow } from './simulatorWindow';

const MINUTE_MS = 60_000;

/**
 * How long the command centre's duty operator takes to acknowledge an alarm on the wall, in
 * minutes: an urgent report is seen and answered within a few minutes (the centre is staffed
 * round the clock); a passed deadline takes a little longer, as the operator first calls the
 * handling unit. A county where nobody ever answers is a wall of red, not a demo of one.
 */
const ACK_MINUTES: Readonly<Record<Alarm['reason'], readonly [number, number]>> = {
  urgent: [1, 6],
  overdue: [2, 10],
};

/** When the operator acknowledges this alarm: fixed by the alarm itself, whichever window asks. */
export const alarmAckAt = (alarm: Alarm, root: Rng): number => {
  const [min, max] = ACK_MINUTES[alarm.reason];
  return alarm.since + Math.round(root.fork(`ack:${alarm.incidentId}@${alarm.reason}@${alarm.since}`).float(min, max) * MINUTE_MS);
};

const alarmAt = (incident: Incident, at: number, window: SimulatorWindow): Alarm | null =>
  window.alarmPolicy ? alarmOf(incident, at, window.alarmPolicy) : null;

/**
 * 确认告警 by the operator role, through the same command the wall's ack route sends, for every
 * alarm (under the window's policy) whose acknowledgement falls due in the window. An alarm that
 * ends first — the case resolved — simply has nothing to acknowledge any more.
 */
export const simulatorAlarmAcks = (window: SimulatorWindow): PlannedCommand[] => {
  const policy = window.alarmPolicy;
  if (!policy) return [];
  const planned: PlannedCommand[] = [];
  for (const incident of window.entities.incidents.values()) {
    if (!isOpen(incident)) continue;
    // Judged at the window's end: an overdue alarm begins when its deadline passes inside it.
    const alarm = alarmAt(incident, window.to - 1, window);
    if (!alarm) continue;
    const at = dueInWindow(Math.max(alarmAckAt(alarm, window.rng), alarm.since + 1), window);
    if (at !== null) planned.push({ at, command: { kind: 'acknowledgeAlarm', id: incident.id, by: 'operator', policy } });
  }
  return planned;
};
