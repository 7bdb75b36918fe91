import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { Nullable } from '../../../shared/domain/common';
import { EVENT_TYPES, EventPayloadSchemas, type EventType, type JinlinEvent } from '../../../shared/domain/event';
import { Incident, Reporter } from '../../../shared/domain/incident';
import { OnDuty, Station } from '../../../shared/domain/station';
import { publicIncident, shapeEventForAudience, shapeForAudience } from '../../../shared/logic/shapeForAudience';
import { deepFreeze, event, makeCheckin, makeIncident, makeStation, makeWish } from './logicFixtures';

/** Every piece of personal data the fixtures carry; none may reach a public screen verbatim. */
const SECRETS = [
  ...['张三丰', '13812341234', '35012119900101123X', '502室'],
  ...['李四', '13900001111', '王秀英', '13700002222', '陈建国', '李娜', '13600003333'],
];

const transition = {
  incidentId: 'INC-1',
  from: 'accepted',
  to: 'resolved',
  level: 'grid',
  note: '已联系居民13812341234',
} as const;

/** One realistic event per type; a Record so a new event type fails to compile until it is covered here. */
const EVENTS: Record<EventType, () => JinlinEvent> = {
  'incident:reported': () =>
    event(1, 'incident:reported', { incident: makeIncident({ description: '张三丰报：路灯坏了，电话13812341234' }) }),
  'incident:accepted': () => event(2, 'incident:accepted', { ...transition, from: 'reported', to: 'accepted' }),
  'incident:dispatched': () => event(3, 'incident:dispatched', { ...transition, to: 'dispatched', assignee: '城管中队' }),
  'incident:started': () => event(4, 'incident:started', { ...transition, from: 'dispatched', to: 'in_progress' }),
  'incident:resolved': () => event(5, 'incident:resolved', { ...transition }),
  'incident:escalated': () => event(6, 'incident:escalated', { ...transition, to: 'accepted', level: 'community' }),
  'incident:rated': () => event(7, 'incident:rated', { ...transition, from: 'resolved', to: 'rated', satisfaction: 5 }),
  'incident:alarmAcknowledged': () => event(14, 'incident:alarmAcknowledged', { incidentId: 'INC-1', by: 'street' }),
  'station:statusChanged': () =>
    event(8, 'station:statusChanged', {
      stationId: 'ST-1',
      status: 'open',
      onDuty: { name: '李娜', phone: '13600003333' },
      onDutyCount: 2,
      visitors: 5,
      activity: '义诊',
    }),
  'volunteer:checkedIn': () => event(9, 'volunteer:checkedIn', { checkin: makeCheckin() }),
  'volunteer:checkedOut': () => event(10, 'volunteer:checkedOut', { checkinId: 'CK-1', hours: 2, points: 20 }),
  'wish:posted': () => event(11, 'wish:posted', { wish: makeWish({ status: 'claimed', claimerName: '陈建国' }) }),
  'wish:claimed': () => event(12, 'wish:claimed', { wishId: 'W-1', claimerName: '陈建国' }),
  'wish:fulfilled': () => event(13, 'wish:fulfilled', { wishId: 'W-1' }),
};

describe('shapeEventForAudience, for every event type', () => {
  it('covers every event type the domain defines', () => {
    expect(Object.keys(EVENTS).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each(EVENT_TYPES)('shows no personal data of %s to a public screen', (type) => {
    const json = JSON.stringify(shapeEventForAudience(EVENTS[type](), 'public'));
    for (const secret of SECRETS) expect(json).not.toContain(secret);
  });

  it.each(EVENT_TYPES)('leaves %s untouched and its envelope intact', (type) => {
    const original = deepFreeze(EVENTS[type]());
    const copy = structuredClone(original);
    const shaped = shapeEventForAudience(original, 'public');
    expect(original).toEqual(copy);
    expect({ ...shaped, payload: null }).toEqual({ ...original, payload: null });
  });

  it.each(EVENT_TYPES)('gives the operator view of %s the event itself', (type) => {
    const original = EVENTS[type]();
    expect(shapeEventForAudience(original, 'full')).toBe(original);
  });

  it.each(EVENT_TYPES)('changes nothing more when %s is shaped twice', (type) => {
    const once = shapeEventForAudience(EVENTS[type](), 'public');
    expect(shapeEventForAudience(once, 'public')).toEqual(once);
  });

  it.each(EVENT_TYPES)('keeps the %s payload schema-valid', (type) => {
    const shaped = shapeEventForAudience(EVENTS[type](), 'public');
    expect([...Value.Errors(EventPayloadSchemas[type], shaped.payload)]).toEqual([]);
  });
});

describe('shapeEventForAudience, read as rules', () => {
  it('drops the reporter of a reported incident and scrubs the reporter and numbers from its description', () => {
    const shaped = shapeEventForAudience(EVENTS['incident:reported'](), 'public');
    if (shaped.type !== 'incident:reported') throw new Error('type changed');
    expect('reporter' in shaped.payload.incident).toBe(false);
    expect(shaped.payload.incident.description).toBe('张*丰报：路灯坏了，电话[电话]');
  });

  it('masks the person on duty at a station and leaves out their phone', () => {
    const shaped = shapeEventForAudience(EVENTS['station:statusChanged'](), 'public');
    expect(shaped.payload).toMatchObject({ onDuty: { name: '李*' }, visitors: 5, activity: '义诊' });
    expect(shaped.payload).not.toHaveProperty('onDuty.phone');
  });

  it('keeps a station with nobody on duty as it is', () => {
    const idle = { stationId: 'S', status: 'closed', onDuty: null, onDutyCount: 0, visitors: 0, activity: null } as const;
    const ev = event(1, 'station:statusChanged', idle);
    expect(shapeEventForAudience(ev, 'public').payload).toEqual(ev.payload);
  });

  it('masks the volunteer who checks in, leaves out their phone and pseudonymises their member id', () => {
    const shaped = shapeEventForAudience(EVENTS['volunteer:checkedIn'](), 'public');
    expect(shaped.payload).toMatchObject({ checkin: { memberName: '李*', category: 'elder_help', memberId: expect.stringMatching(/^anon-[a-z]{16}$/) } });
    expect(shaped.payload).not.toHaveProperty('checkin.memberPhone');
  });

  it('masks the resident and the claimer of a wish and leaves out the resident’s phone', () => {
    const posted = shapeEventForAudience(EVENTS['wish:posted'](), 'public');
    expect(posted.payload).toMatchObject({ wish: { residentName: '王*英', claimerName: '陈*国' } });
    expect(posted.payload).not.toHaveProperty('wish.residentPhone');
    const claimed = shapeEventForAudience(EVENTS['wish:claimed'](), 'public');
    expect(claimed.payload).toEqual({ wishId: 'W-1', claimerName: '陈*国' });
  });

  it('scrubs numbers from a transition note but keeps the handling unit', () => {
    const shaped = shapeEventForAudience(EVENTS['incident:dispatched'](), 'public');
    expect(shaped.payload).toMatchObject({ note: '已联系居民[电话]', assignee: '城管中队' });
  });

  it('passes events without personal data through unchanged (cut to the public schema, which declares all of them)', () => {
    for (const type of ['volunteer:checkedOut', 'wish:fulfilled'] as const) {
      const original = EVENTS[type]();
      expect(shapeEventForAudience(original, 'public')).toEqual(original);
    }
  });
});

describe('shapeForAudience over a schema', () => {
  const reporter = { name: '张三丰', phone: '13812341234', idNumber: '35012119900101123X', address: '榕桥花园3号楼2单元502室' };

  it('masks names and addresses and removes phones and id numbers', () => {
    const masked = { name: '张*丰', address: '榕桥花园' };
    expect(shapeForAudience(Reporter, reporter, 'public')).toEqual(masked);
  });

  it('returns the very value for the full audience', () => {
    expect(shapeForAudience(Reporter, reporter, 'full')).toBe(reporter);
  });

  it('walks arrays and nullable unions', () => {
    const list = Type.Array(Nullable(OnDuty));
    expect(shapeForAudience(list, [{ name: '李娜' }, null], 'public')).toEqual([{ name: '李*' }, null]);
  });

  it('gives a whole incident the public form (no reporter) and shares the untouched parts', () => {
    const incident = deepFreeze(makeIncident());
    const shaped = shapeForAudience(Incident, incident, 'public');
    expect(shaped).toEqual(publicIncident(incident));
    expect(shaped.reporter).toBeUndefined();
    expect(shaped.location).toBe(incident.location);
  });

  it('masks the on-duty person of a station snapshot', () => {
    const station = makeStation({ onDuty: { name: '欧阳娜娜' } });
    expect(shapeForAudience(Station, station, 'public').onDuty).toEqual({ name: '欧**娜' });
  });
});

describe('publicIncident', () => {
  it('drops the reporter and scrubs numbers from every free-text field', () => {
    const incident = makeIncident({
      status: 'resolved',
      resolution: '已回电13812341234',
      timeline: [{ action: 'report', at: 1, status: 'reported', level: 'grid', note: '来电13812341234' }],
    });
    const shaped = publicIncident(deepFreeze(incident));
    expect('reporter' in shaped).toBe(false);
    expect(JSON.stringify(shaped)).not.toContain('13812341234');
    expect(shaped.resolution).toBe('已回电[电话]');
    expect(Value.Check(Incident, shaped)).toBe(true);
  });

  it('masks the reporter\'s own name and the house number where the free text repeats them', () => {
    const incident = makeIncident({ description: '榕桥花园3号楼2单元502室住户张三丰反映楼道漏水' });
    expect(publicIncident(incident).description).toBe('榕桥花园[门牌]住户张*丰反映楼道漏水');
  });
});
