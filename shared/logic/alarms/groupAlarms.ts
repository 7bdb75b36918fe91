import { levelOfCode } from '../../domain/region';
import type { Incident } from '../../domain/incident';
import type { Alarm } from './alarmOf';

/**
 * Repeat alarms of one place within this long of each other are one story: five neighbours
 * reporting the same smoke in one compound are one fire, not five cards of red.
 */
export const ALARM_GROUP_WINDOW_MS = 30 * 60_000;

type GroupInput = Pick<Incident, 'category' | 'regionPath' | 'gridCode'>;

/** The place two alarms must share to repeat each other: the compound, or the grid where there is none. */
export const alarmPlaceOf = (incident: GroupInput): string =>
  incident.regionPath.find((code) => levelOfCode(code) === 'compound') ?? incident.gridCode;

export interface AlarmGroup {
  /** The newest alarm of the group: the one a wall shows. */
  lead: Alarm;
  /** Every alarm of the group, newest first (lead included). */
  members: Alarm[];
}

/**
 * Groups alarms (newest first, as activeAlarms gives them) by place and category: an alarm joins
 * its place's current group when it began within the window of that group's oldest member so far,
 * so a steady trickle of repeats stays one group while the same place a day apart is two.
 * Groups come out in the order of their leads, newest first; every alarm is in exactly one.
 */
export const groupAlarms = (alarms: readonly Alarm[], incidentOf: (id: string) => GroupInput | undefined, windowMs = ALARM_GROUP_WINDOW_MS): AlarmGroup[] => {
  const groups: AlarmGroup[] = [];
  const open = new Map<string, AlarmGroup>();
  for (const alarm of alarms) {
    const incident = incidentOf(alarm.incidentId);
    const key = incident ? `${alarmPlaceOf(incident)}|${incident.category}` : `#${alarm.incidentId}`;
    const group = open.get(key);
    const oldest = group?.members.at(-1);
    if (group && oldest && oldest.since - alarm.since <= windowMs) {
      group.members.push(alarm);
      continue;
    }
    const fresh = { lead: alarm, members: [alarm] };
    groups.push(fresh);
    open.set(key, fresh);
  }
  return groups;
};
