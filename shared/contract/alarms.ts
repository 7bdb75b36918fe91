import type { IncidentCategory, IncidentStatus, Priority } from '../domain/incident';
import type { LngLat } from '../domain/common';
import type { Alarm } from '../logic/alarms/alarmOf';

/**
 * The county-wide alarm feed (socket event `alarms`). A wall's alarms come from its token's scope,
 * not from the region it happens to show: a wall drilled into one community by the tour still
 * alarms for an urgent case in another street.
 */

/** One active alarm, with what the wall's card, map flash and camera need — never a reporter. */
export interface AlarmNotice extends Alarm {
  category: IncidentCategory;
  priority: Priority;
  status: IncidentStatus;
  location: LngLat;
  /** The grid the camera flies to. */
  gridCode: string;
  /** Codes from the county down to the grid. */
  regionPath: string[];
  /** The name of each code of `regionPath` (county → grid), so a screen needs no directory to say where. */
  regionNames: string[];
  /** Shaped for the socket's audience like the incident itself (public screens: scrubbed text). */
  description: string;
  /**
   * The incidentId (as this audience sees it) of the newest alarm of this one's group — repeats of
   * the same place and category (shared/logic/alarms/groupAlarms) — its own id when it leads.
   */
  group: string;
  /** How many active alarms the group holds, this one included (walls show one card with the count). */
  count: number;
}

/**
 * A frame names at most this many alarms, the newest: a wall shows three cards and flashes these,
 * and in a surge (or a flood of unanswered urgent reports) the frame must not grow with the backlog.
 */
export const MAX_ALARM_NOTICES = 20;

export interface AlarmFrame {
  /** The active alarms inside the token's scope, newest first, at most MAX_ALARM_NOTICES of them: the complete picture, not a change. */
  alarms: AlarmNotice[];
  /** How many alarms are active in all (the wall says "N more" for those without a card). */
  total: number;
  /** The log epoch the list belongs to: another epoch than the last frame's (a reset) is a new picture, not news. */
  epoch: string;
  /** Server (virtual) time the list was computed at. */
  at: number;
}
