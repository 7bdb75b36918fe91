import { describe, expect, it } from 'vitest';
import { alarmOf } from '../../../shared/logic/alarms/alarmOf';
import { alarmNoticeOf } from '../../../shared/logic/alarms/alarmNoticeOf';
import { DEFAULT_ALARM_POLICY } from '../../../shared/logic/alarms/alarmPolicy';
import { MINUTE, PATH, T0, makeIncident } from './logicFixtures';

const incident = makeIncident({ priority: 'urgent', category: 'safety', description: '张三丰反映楼道起火，电话13812341234' });
const alarm = alarmOf(incident, T0 + MINUTE, DEFAULT_ALARM_POLICY)!;
const nameOf = (code: string) => (code === PATH[2] ? '榕桥社区' : '');

describe('an alarm as a screen receives it (alarmNoticeOf)', () => {
  it('carries the alarm, where it is with the name of each region, and what it is', () => {
    const notice = alarmNoticeOf(alarm, incident, 'full', nameOf);
    expect(notice).toEqual({
      incidentId: incident.id,
      reason: 'urgent',
      since: incident.reportedAt,
      category: 'safety',
      priority: 'urgent',
      status: 'reported',
      location: incident.location,
      gridCode: incident.gridCode,
      regionPath: PATH,
      regionNames: ['', '', '榕桥社区', '', ''],
      description: incident.description,
      // Alone, it leads a group of one.
      group: 'INC-1',
      count: 1,
    });
  });

  it('never carries the reporter, and a public screen’s text is scrubbed of their name and phone', () => {
    const notice = alarmNoticeOf(alarm, incident, 'public', nameOf);
    const json = JSON.stringify(notice);
    expect(json).not.toMatch(/三丰|13812341234|502|reporter/);
    expect(notice.description).toContain('楼道起火');
    expect(JSON.stringify(alarmNoticeOf(alarm, incident, 'full', nameOf))).not.toMatch(/reporter|502/);
  });
});
