import { describe, expect, it } from 'vitest';
import { isAlarmPolicy } from '../../../client/api/fetchAlarmPolicy';
import { DEFAULT_ALARM_POLICY } from '../../../shared/logic/alarms/alarmPolicy';

describe('the alarm policy a screen accepts from the server', () => {
  it('is a whole policy', () => {
    expect(isAlarmPolicy(DEFAULT_ALARM_POLICY)).toBe(true);
    expect(isAlarmPolicy({ ...DEFAULT_ALARM_POLICY, categories: ['safety'], quietHours: { from: '22:00', to: '07:00' } })).toBe(true);
  });

  it('is refused when any part is missing or unknown', () => {
    const broken: unknown[] = [
      null,
      {},
      { ...DEFAULT_ALARM_POLICY, priorities: ['critical'] },
      { ...DEFAULT_ALARM_POLICY, categories: 'some' },
      { ...DEFAULT_ALARM_POLICY, overdue: 'yes' },
      { ...DEFAULT_ALARM_POLICY, quietHours: { from: '22:00' } },
      { ...DEFAULT_ALARM_POLICY, voice: undefined },
    ];
    for (const value of broken) expect(isAlarmPolicy(value), JSON.stringify(value)).toBe(false);
  });
});
