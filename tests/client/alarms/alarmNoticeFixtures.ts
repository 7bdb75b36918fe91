import type { AlarmNotice } from '../../../shared/contract/alarms';
import type { Incident } from '../../../shared/domain/incident';
import { activeAlarms } from '../../../shared/logic/alarms/alarmOf';
import { alarmNoticeOf } from '../../../shared/logic/alarms/alarmNoticeOf';
import { DEFAULT_ALARM_POLICY } from '../../../shared/logic/alarms/alarmPolicy';
import { COMMUNITY, COMPOUND, COUNTY, GRID, STREET } from '../../shared/logic/logicFixtures';

/** The sample path's names, as the server's county index would give them. */
export const NAMES: Readonly<Record<string, string>> = {
  [COUNTY]: '闽侯县',
  [STREET]: '上街镇',
  [COMMUNITY]: '榕桥社区',
  [COMPOUND]: '榕桥花园',
  [GRID]: '榕桥花园第一网格',
};

/** What a public wall's feed would carry for these incidents at `now`, newest first. */
export const publicNoticesOf = (incidents: Iterable<Incident>, now: number, names: Readonly<Record<string, string>> = NAMES): AlarmNotice[] => {
  const byId = new Map([...incidents].map((i) => [i.id, i]));
  return activeAlarms(byId.values(), now, DEFAULT_ALARM_POLICY).map((alarm) =>
    alarmNoticeOf(alarm, byId.get(alarm.incidentId)!, 'public', (code) => names[code] ?? ''),
  );
};
