import { describe, expect, it } from 'vitest';
import type { Incident, IncidentStep } from '../../../../shared/domain/incident';
import { timelineRows } from '../../../../client/screens/tablet/timelineRows';
import { incidentReported, MINUTE_MS, NOON_ISH } from './tabletFixtures';

const step = (action: IncidentStep['action'], minutes: number, status: IncidentStep['status'], extra: Partial<IncidentStep> = {}): IncidentStep => ({
  action,
  at: NOON_ISH + minutes * MINUTE_MS,
  status,
  level: 'grid',
  ...extra,
});

describe('timelineRows', () => {
  const handled: Incident = {
    ...incidentReported('INC-1', NOON_ISH),
    status: 'rated',
    assignee: '市政维修队',
    timeline: [
      step('report', 0, 'reported'),
      step('accept', 3, 'accepted'),
      step('dispatch', 10, 'dispatched'),
      step('start', 42, 'in_progress'),
      step('resolve', 95, 'resolved', { note: '已更换灯泡' }),
      step('rate', 180, 'rated'),
    ],
  };

  it('names every step in Chinese with its Shanghai time, the last one marked current', () => {
    const rows = timelineRows(handled, NOON_ISH + 200 * MINUTE_MS);
    expect(rows.map((r) => [r.label, r.time])).toEqual([
      ['上报', '10:00'],
      ['受理', '10:03'],
      ['派单', '10:10'],
      ['处置', '10:42'],
      ['办结', '11:35'],
      ['评价', '13:00'],
    ]);
    expect(rows.map((r) => r.current)).toEqual([false, false, false, false, false, true]);
  });

  it('shows the unit a dispatch went to and the words of a resolution', () => {
    const rows = timelineRows(handled, NOON_ISH);
    expect(rows[2]?.detail).toBe('市政维修队');
    expect(rows[4]?.detail).toBe('已更换灯泡');
    expect(rows[1]?.detail).toBeNull();
  });

  it('says 提级 and the new level for an escalation, with its reason', () => {
    const escalated: Incident = {
      ...incidentReported('INC-2', NOON_ISH),
      timeline: [step('report', 0, 'reported'), step('accept', 1, 'accepted'), step('escalate', 30, 'accepted', { level: 'community', note: '需多部门协调' })],
    };
    expect(timelineRows(escalated, NOON_ISH).at(-1)).toMatchObject({ label: '提级', level: 'community', detail: '需多部门协调' });
  });
});
