import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { Incident } from '../../../shared/domain/incident';
import { applyEvent } from '../../../shared/logic/applyEvent';
import { activeAlarms, alarmKey, alarmOf } from '../../../shared/logic/alarms/alarmOf';
import { AlarmPolicy, DEFAULT_ALARM_POLICY } from '../../../shared/logic/alarms/alarmPolicy';
import { isQuietTime, mayVoiceAlarm, parseQuietHours } from '../../../shared/logic/alarms/quietHours';
import { parseAlarmPolicy } from '../../../shared/logic/alarms/parseAlarmPolicy';
import { createEntityState } from '../../../shared/logic/entityState';
import { HOUR, MINUTE, T0, event, makeIncident } from './logicFixtures';

const policy = DEFAULT_ALARM_POLICY;
/** A Shanghai wall-clock time on the fixtures' day (T0 is 10:00 there). */
const at = (hhmm: string): number => T0 - 10 * HOUR + Number(hhmm.slice(0, 2)) * HOUR + Number(hhmm.slice(3)) * MINUTE;

describe('alarmOf under the default policy (urgent, any category, overdue, voice on)', () => {
  it('raises an urgent alarm from the moment an urgent incident is reported', () => {
    const urgent = makeIncident({ priority: 'urgent', dueAt: T0 + HOUR });
    expect(alarmOf(urgent, T0 + MINUTE, policy)).toEqual({ incidentId: 'INC-1', reason: 'urgent', since: T0 });
  });

  it('raises nothing for an ordinary incident on time', () => {
    expect(alarmOf(makeIncident({ priority: 'normal' }), T0 + HOUR, policy)).toBeNull();
    expect(alarmOf(makeIncident({ priority: 'high' }), T0 + HOUR, policy)).toBeNull();
  });

  it('raises an overdue alarm once an open incident is past its deadline, whatever its priority, dated at the deadline', () => {
    const late = makeIncident({ priority: 'low', dueAt: T0 + HOUR });
    expect(alarmOf(late, T0 + HOUR, policy)).toBeNull();
    expect(alarmOf(late, T0 + HOUR + 1, policy)).toEqual({ incidentId: 'INC-1', reason: 'overdue', since: T0 + HOUR });
  });

  it('calls an urgent incident past its deadline overdue: the later and more pressing alarm', () => {
    const urgentLate = makeIncident({ priority: 'urgent', dueAt: T0 + HOUR });
    expect(alarmOf(urgentLate, T0 + 2 * HOUR, policy)?.reason).toBe('overdue');
  });

  it('raises nothing for a resolved or rated incident, however urgent or late', () => {
    for (const status of ['resolved', 'rated'] as const) {
      expect(alarmOf(makeIncident({ status, priority: 'urgent', dueAt: T0 + HOUR }), T0 + 2 * HOUR, policy)).toBeNull();
    }
  });

  it('is silenced by an acknowledgement made while it alarms', () => {
    const acked = makeIncident({ priority: 'urgent', dueAt: T0 + HOUR, alarmAcknowledgedAt: T0 + 5 * MINUTE });
    expect(alarmOf(acked, T0 + 10 * MINUTE, policy)).toBeNull();
  });

  it('alarms again, as overdue, when an urgent case acknowledged on arrival passes its deadline unresolved', () => {
    const acked = makeIncident({ priority: 'urgent', dueAt: T0 + HOUR, alarmAcknowledgedAt: T0 + 5 * MINUTE });
    expect(alarmOf(acked, T0 + HOUR + MINUTE, policy)).toEqual({ incidentId: 'INC-1', reason: 'overdue', since: T0 + HOUR });
    expect(alarmOf({ ...acked, alarmAcknowledgedAt: T0 + HOUR + 2 * MINUTE }, T0 + HOUR + 3 * MINUTE, policy)).toBeNull();
  });
});

describe('alarmOf under a configured policy', () => {
  it('alarms only for the priorities listed', () => {
    const highToo: AlarmPolicy = { ...policy, priorities: ['urgent', 'high'] };
    expect(alarmOf(makeIncident({ priority: 'high' }), T0 + MINUTE, highToo)?.reason).toBe('urgent');
    const none: AlarmPolicy = { ...policy, priorities: [] };
    expect(alarmOf(makeIncident({ priority: 'urgent' }), T0 + MINUTE, none)).toBeNull();
  });

  it('alarms only for the categories listed, for either reason', () => {
    const safetyOnly: AlarmPolicy = { ...policy, categories: ['safety'] };
    expect(alarmOf(makeIncident({ priority: 'urgent', category: 'parking' }), T0 + MINUTE, safetyOnly)).toBeNull();
    expect(alarmOf(makeIncident({ category: 'parking', dueAt: T0 }), T0 + MINUTE, safetyOnly)).toBeNull();
    expect(alarmOf(makeIncident({ priority: 'urgent', category: 'safety' }), T0 + MINUTE, safetyOnly)?.reason).toBe('urgent');
  });

  it('leaves late incidents alone when overdue alarms are off', () => {
    expect(alarmOf(makeIncident({ dueAt: T0 }), T0 + HOUR, { ...policy, overdue: false })).toBeNull();
    const urgentLate = makeIncident({ priority: 'urgent', dueAt: T0 + MINUTE });
    expect(alarmOf(urgentLate, T0 + HOUR, { ...policy, overdue: false })).toEqual({ incidentId: 'INC-1', reason: 'urgent', since: T0 });
  });
});

describe('activeAlarms', () => {
  it('lists every alarm, newest first, ties by id, and skips quiet incidents', () => {
    const incidents = [
      makeIncident({ id: 'OLD-URGENT', priority: 'urgent', reportedAt: T0, dueAt: T0 + 10 * HOUR }),
      makeIncident({ id: 'LATE', dueAt: T0 + HOUR }),
      makeIncident({ id: 'CALM', dueAt: T0 + 10 * HOUR }),
      makeIncident({ id: 'B-NEW', priority: 'urgent', reportedAt: T0 + 2 * HOUR, dueAt: T0 + 10 * HOUR }),
      makeIncident({ id: 'A-NEW', priority: 'urgent', reportedAt: T0 + 2 * HOUR, dueAt: T0 + 10 * HOUR }),
    ];
    expect(activeAlarms(incidents, T0 + 3 * HOUR, policy).map((a) => a.incidentId)).toEqual(['A-NEW', 'B-NEW', 'LATE', 'OLD-URGENT']);
    expect(activeAlarms([], T0, policy)).toEqual([]);
  });

  it('keys an alarm by incident, reason and start, so the same incident alarming again is a new alarm', () => {
    const incident = makeIncident({ priority: 'urgent', dueAt: T0 + HOUR });
    const first = alarmOf(incident, T0 + MINUTE, policy)!;
    const second = alarmOf(incident, T0 + 2 * HOUR, policy)!;
    expect(alarmKey(first)).not.toBe(alarmKey(second));
    expect(alarmKey(first)).toBe(alarmKey(alarmOf(incident, T0 + 2 * MINUTE, policy)!));
  });
});

describe('quiet hours (Asia/Shanghai)', () => {
  const night = { quietHours: { from: '22:00', to: '07:00' } };
  const lunch = { quietHours: { from: '12:00', to: '13:30' } };

  it('run across midnight when they end earlier than they start', () => {
    expect(isQuietTime(at('21:59'), night)).toBe(false);
    expect(isQuietTime(at('22:00'), night)).toBe(true);
    expect(isQuietTime(at('23:59'), night)).toBe(true);
    expect(isQuietTime(at('00:00'), night)).toBe(true);
    expect(isQuietTime(at('06:59'), night)).toBe(true);
    expect(isQuietTime(at('07:00'), night)).toBe(false);
    expect(isQuietTime(at('10:00'), night)).toBe(false);
  });

  it('run within the day otherwise, the end excluded', () => {
    expect(isQuietTime(at('11:59'), lunch)).toBe(false);
    expect(isQuietTime(at('12:00'), lunch)).toBe(true);
    expect(isQuietTime(at('13:29'), lunch)).toBe(true);
    expect(isQuietTime(at('13:30'), lunch)).toBe(false);
  });

  it('never apply when there are none', () => {
    expect(isQuietTime(at('03:00'), { quietHours: null })).toBe(false);
  });

  it('keep the voice silent, as does voice off; alarms themselves do not depend on them', () => {
    expect(mayVoiceAlarm(at('10:00'), { ...night, voice: true })).toBe(true);
    expect(mayVoiceAlarm(at('23:00'), { ...night, voice: true })).toBe(false);
    expect(mayVoiceAlarm(at('10:00'), { quietHours: null, voice: false })).toBe(false);
    const quietPolicy = { ...policy, ...night };
    expect(alarmOf(makeIncident({ priority: 'urgent', reportedAt: at('23:00') }), at('23:01'), quietPolicy)?.reason).toBe('urgent');
  });

  it('parse from HH:MM-HH:MM and refuse anything else with the reason', () => {
    expect(parseQuietHours('22:00-07:00')).toEqual({ from: '22:00', to: '07:00' });
    expect(parseQuietHours(' 12:00 - 13:30 ')).toEqual({ from: '12:00', to: '13:30' });
    for (const bad of ['22:00', '22-07', '24:00-07:00', '22:00-07:60', '22:00-07:00-08:00', '']) expect(parseQuietHours(bad)).toMatch(/HH:MM-HH:MM/);
    expect(parseQuietHours('08:00-08:00')).toMatch(/same time/);
  });
});

describe('parseAlarmPolicy (the ALARM_* variables)', () => {
  it('gives the default policy when nothing is set', () => {
    expect(parseAlarmPolicy({})).toEqual({ ok: true, value: DEFAULT_ALARM_POLICY });
    expect(Value.Check(AlarmPolicy, DEFAULT_ALARM_POLICY)).toBe(true);
  });

  it('reads every variable', () => {
    const parsed = parseAlarmPolicy({
      ALARM_PRIORITIES: 'urgent, high',
      ALARM_CATEGORIES: 'safety,care',
      ALARM_OVERDUE: 'off',
      ALARM_QUIET_HOURS: '22:00-07:00',
      ALARM_VOICE: 'no',
    });
    const expected: AlarmPolicy = {
      priorities: ['urgent', 'high'],
      categories: ['safety', 'care'],
      overdue: false,
      quietHours: { from: '22:00', to: '07:00' },
      voice: false,
    };
    expect(parsed).toEqual({ ok: true, value: expected });
    expect(Value.Check(AlarmPolicy, expected)).toBe(true);
  });

  it('accepts "none" priorities (overdue-only), "all" categories and "off" quiet hours', () => {
    expect(parseAlarmPolicy({ ALARM_PRIORITIES: 'none', ALARM_CATEGORIES: 'all', ALARM_QUIET_HOURS: 'off' })).toMatchObject({
      ok: true,
      value: { priorities: [], categories: 'all', quietHours: null },
    });
  });

  it('refuses a bad value with a message naming the variable and the value', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ ALARM_PRIORITIES: 'urgent,critical' }, /ALARM_PRIORITIES .*"critical"/],
      [{ ALARM_PRIORITIES: 'urgent,urgent' }, /ALARM_PRIORITIES names a value twice/],
      [{ ALARM_CATEGORIES: 'fire' }, /ALARM_CATEGORIES .*"fire"/],
      [{ ALARM_OVERDUE: 'maybe' }, /ALARM_OVERDUE must be on or off, got "maybe"/],
      [{ ALARM_QUIET_HOURS: '22:00' }, /ALARM_QUIET_HOURS must be HH:MM-HH:MM/],
      [{ ALARM_VOICE: '2' }, /ALARM_VOICE must be on or off/],
    ];
    for (const [env, message] of cases) {
      const parsed = parseAlarmPolicy(env);
      expect(parsed.ok, JSON.stringify(env)).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(message);
    }
  });
});

describe('the incident:alarmAcknowledged event', () => {
  it('stamps alarmAcknowledgedAt and nothing of the lifecycle: status, level and timeline stay', () => {
    const state = createEntityState();
    const incident = makeIncident({ priority: 'urgent' });
    state.incidents.set(incident.id, incident);
    applyEvent(state, event(1, 'incident:alarmAcknowledged', { incidentId: incident.id, by: 'street' }, T0 + 3 * MINUTE));
    const acked = state.incidents.get(incident.id)!;
    expect(acked).toEqual({ ...incident, alarmAcknowledgedAt: T0 + 3 * MINUTE, updatedAt: T0 + 3 * MINUTE });
    expect(incident.alarmAcknowledgedAt).toBeUndefined();
    expect(Value.Check(Incident, acked)).toBe(true);
    expect(alarmOf(acked, T0 + 4 * MINUTE, policy)).toBeNull();
  });

  it('changes nothing for an incident the state does not hold, but still advances seq', () => {
    const state = createEntityState();
    applyEvent(state, event(7, 'incident:alarmAcknowledged', { incidentId: 'GONE', by: 'operator' }));
    expect(state.incidents.size).toBe(0);
    expect(state.seq).toBe(7);
  });
});
