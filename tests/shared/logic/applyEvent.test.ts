import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import type { IncidentTransition, JinlinEvent } from '../../../shared/domain/event';
import { Incident } from '../../../shared/domain/incident';
import { applyEvent, applyEvents, pruneEntities } from '../../../shared/logic/applyEvent';
import { createEntityState, type EntityState } from '../../../shared/logic/entityState';
import { HOUR, MINUTE, T0, deepFreeze, event, makeCheckin, makeIncident, makeStation, makeWish } from './logicFixtures';

const transition = (p: Partial<IncidentTransition> & Pick<IncidentTransition, 'from' | 'to'>): IncidentTransition => ({
  incidentId: 'INC-1',
  level: 'grid',
  ...p,
});

/** A state holding the fixtures, each deep-frozen so any in-place mutation by the reducer throws. */
const freshState = (): EntityState => {
  const state = createEntityState([deepFreeze(makeStation())]);
  state.incidents.set('INC-1', deepFreeze(makeIncident()));
  state.checkins.set('CK-1', deepFreeze(makeCheckin()));
  state.wishes.set('W-1', deepFreeze(makeWish()));
  return state;
};

/** Applies one event and returns the entity before and after, checking it was replaced, not edited. */
const step = <T>(state: EntityState, ev: JinlinEvent, get: (s: EntityState) => T | undefined) => {
  const before = get(state);
  const snapshot = structuredClone(before);
  const returned = applyEvent(state, ev);
  const after = get(state);
  expect(returned).toBe(state);
  expect(state.seq).toBe(ev.seq);
  expect(before).toEqual(snapshot);
  expect(after).not.toBe(before);
  return { before, after: after as T };
};

const incident = (s: EntityState) => s.incidents.get('INC-1');

describe('applyEvent on incidents', () => {
  it('adds a reported incident', () => {
    const state = createEntityState();
    const reported = makeIncident({ id: 'INC-2' });
    applyEvent(state, event(1, 'incident:reported', { incident: reported }));
    expect(state.incidents.get('INC-2')).toEqual(reported);
  });

  it('stamps acceptedAt, the status and a timeline step on accept', () => {
    const state = freshState();
    const ev = event(1, 'incident:accepted', transition({ from: 'reported', to: 'accepted', note: '已受理' }));
    const { after } = step(state, ev, incident);
    expect(after).toMatchObject({ status: 'accepted', acceptedAt: ev.at, updatedAt: ev.at });
    const last = { action: 'accept', at: ev.at, status: 'accepted', level: 'grid', note: '已受理' };
    expect(after.timeline.at(-1)).toEqual(last);
    expect(after.timeline).toHaveLength(2);
  });

  it('stamps dispatchedAt and the assignee on dispatch', () => {
    const state = freshState();
    const ev = event(1, 'incident:dispatched', transition({ from: 'accepted', to: 'dispatched', assignee: '城管中队' }));
    const { after } = step(state, ev, incident);
    expect(after).toMatchObject({ status: 'dispatched', dispatchedAt: ev.at, assignee: '城管中队' });
  });

  it('stamps startedAt on start', () => {
    const state = freshState();
    const ev = event(1, 'incident:started', transition({ from: 'dispatched', to: 'in_progress' }));
    expect(step(state, ev, incident).after).toMatchObject({ status: 'in_progress', startedAt: ev.at });
  });

  it('stamps resolvedAt and keeps the note as the resolution on resolve', () => {
    const state = freshState();
    const ev = event(1, 'incident:resolved', transition({ from: 'in_progress', to: 'resolved', note: '已修复' }));
    expect(step(state, ev, incident).after).toMatchObject({ status: 'resolved', resolvedAt: ev.at, resolution: '已修复' });
  });

  it('moves an escalated incident up a level, clears the assignee and keeps the first acceptance time', () => {
    const state = freshState();
    const dispatched = makeIncident({ status: 'dispatched', acceptedAt: T0 + 1, assignee: '网格员' });
    state.incidents.set('INC-1', deepFreeze(dispatched));
    const payload = transition({ from: 'dispatched', to: 'accepted', level: 'community', note: '需社区协调' });
    const ev = event(1, 'incident:escalated', payload);
    const { after } = step(state, ev, incident);
    expect(after).toMatchObject({ status: 'accepted', level: 'community', acceptedAt: T0 + 1 });
    expect('assignee' in after).toBe(false);
    expect(after.timeline.at(-1)).toMatchObject({ action: 'escalate', level: 'community', note: '需社区协调' });
  });

  it('stamps ratedAt and the satisfaction on rate', () => {
    const state = freshState();
    const ev = event(1, 'incident:rated', transition({ from: 'resolved', to: 'rated', satisfaction: 4 }));
    expect(step(state, ev, incident).after).toMatchObject({ status: 'rated', ratedAt: ev.at, satisfaction: 4 });
  });

  it('keeps every intermediate incident schema-valid through a full lifecycle', () => {
    const state = freshState();
    const events = [
      event(1, 'incident:accepted', transition({ from: 'reported', to: 'accepted' })),
      event(2, 'incident:dispatched', transition({ from: 'accepted', to: 'dispatched', assignee: '物业' })),
      event(3, 'incident:started', transition({ from: 'dispatched', to: 'in_progress' })),
      event(4, 'incident:resolved', transition({ from: 'in_progress', to: 'resolved', note: '完成' })),
      event(5, 'incident:rated', transition({ from: 'resolved', to: 'rated', satisfaction: 5 })),
    ];
    for (const ev of events) {
      applyEvent(state, ev);
      expect(Value.Check(Incident, incident(state))).toBe(true);
    }
    const actions = incident(state)?.timeline.map((s) => s.action);
    expect(actions).toEqual(['report', 'accept', 'dispatch', 'start', 'resolve', 'rate']);
  });
});

describe('applyEvent on stations, check-ins and wishes', () => {
  it('replaces a station with its new live status', () => {
    const state = freshState();
    const change = { status: 'extended' as const, onDuty: { name: '李娜' }, onDutyCount: 2, visitors: 9, activity: '义诊' };
    const ev = event(1, 'station:statusChanged', { stationId: 'ST-1', ...change });
    const { after } = step(state, ev, (s) => s.stations.get('ST-1'));
    expect(after).toMatchObject({ ...change, updatedAt: ev.at });
    expect(after.name).toBe('榕桥红色驿站');
  });

  it('adds a check-in, then stamps its check-out with hours and points', () => {
    const state = createEntityState();
    applyEvent(state, event(1, 'volunteer:checkedIn', { checkin: deepFreeze(makeCheckin()) }));
    const ev = event(2, 'volunteer:checkedOut', { checkinId: 'CK-1', hours: 1.5, points: 15 });
    const { after } = step(state, ev, (s) => s.checkins.get('CK-1'));
    expect(after).toMatchObject({ checkedOutAt: ev.at, hours: 1.5, points: 15 });
  });

  it('adds a posted wish, then claims and fulfils it', () => {
    const state = createEntityState();
    applyEvent(state, event(1, 'wish:posted', { wish: deepFreeze(makeWish()) }));
    const claimed = event(2, 'wish:claimed', { wishId: 'W-1', claimerName: '陈建国' });
    const wish = (s: EntityState) => s.wishes.get('W-1');
    expect(step(state, claimed, wish).after).toMatchObject({ status: 'claimed', claimerName: '陈建国', claimedAt: claimed.at });
    const fulfilled = event(3, 'wish:fulfilled', { wishId: 'W-1' });
    expect(step(state, fulfilled, wish).after).toMatchObject({ status: 'fulfilled', fulfilledAt: fulfilled.at });
  });
});

describe('applyEvent ordering and safety', () => {
  const lifecycle = () => [
    event(1, 'incident:accepted', transition({ from: 'reported', to: 'accepted' })),
    event(2, 'wish:claimed', { wishId: 'W-1', claimerName: '陈建国' }),
    event(3, 'volunteer:checkedOut', { checkinId: 'CK-1', hours: 1, points: 10 }),
  ];

  it('ignores a replayed batch entirely: same content and the very same entity objects', () => {
    const state = applyEvents(freshState(), lifecycle());
    const entities = (s: EntityState) => [incident(s), s.wishes.get('W-1'), s.checkins.get('CK-1')];
    const objects = entities(state);
    const copy = structuredClone(state);
    applyEvents(state, lifecycle());
    expect(state).toEqual(copy);
    entities(state).forEach((entity, i) => expect(entity).toBe(objects[i]));
  });

  it('ignores an event whose seq is at or below the state\'s', () => {
    const state = freshState();
    state.seq = 10;
    const before = incident(state);
    applyEvent(state, event(10, 'incident:accepted', transition({ from: 'reported', to: 'accepted' })));
    expect(incident(state)).toBe(before);
    expect(state.seq).toBe(10);
  });

  it.each([
    event(1, 'incident:accepted', transition({ incidentId: 'NOPE', from: 'reported', to: 'accepted' })),
    event(1, 'station:statusChanged', {
      stationId: 'NOPE',
      status: 'open',
      onDuty: null,
      onDutyCount: 0,
      visitors: 0,
      activity: null,
    }),
    event(1, 'volunteer:checkedOut', { checkinId: 'NOPE', hours: 1, points: 10 }),
    event(1, 'wish:claimed', { wishId: 'NOPE', claimerName: '甲' }),
    event(1, 'wish:fulfilled', { wishId: 'NOPE' }),
  ])('ignores $type for an unknown id but still advances seq', (ev) => {
    const state = freshState();
    const sizes = [state.incidents.size, state.stations.size, state.checkins.size, state.wishes.size];
    expect(applyEvent(state, ev)).toBe(state);
    expect([state.incidents.size, state.stations.size, state.checkins.size, state.wishes.size]).toEqual(sizes);
    expect(state.seq).toBe(1);
    expect(state.incidents.has('NOPE') || state.stations.has('NOPE') || state.wishes.has('NOPE')).toBe(false);
  });
});

describe('pruneEntities', () => {
  const now = T0 + 48 * HOUR;
  const retainMs = 24 * HOUR;

  const populated = () => {
    const state = createEntityState([makeStation({ updatedAt: T0 })]);
    const old = T0;
    const recent = now - HOUR;
    state.incidents.set('old-resolved', makeIncident({ id: 'old-resolved', status: 'resolved', updatedAt: old }));
    state.incidents.set('old-rated', makeIncident({ id: 'old-rated', status: 'rated', updatedAt: old }));
    state.incidents.set('old-open', makeIncident({ id: 'old-open', status: 'in_progress', updatedAt: old }));
    state.incidents.set('new-resolved', makeIncident({ id: 'new-resolved', status: 'resolved', updatedAt: recent }));
    state.checkins.set('old-out', makeCheckin({ id: 'old-out', checkedOutAt: old + MINUTE }));
    state.checkins.set('old-on-duty', makeCheckin({ id: 'old-on-duty' }));
    state.checkins.set('new-out', makeCheckin({ id: 'new-out', checkedOutAt: recent }));
    state.wishes.set('old-done', makeWish({ id: 'old-done', status: 'fulfilled', fulfilledAt: old }));
    state.wishes.set('old-claimed', makeWish({ id: 'old-claimed', status: 'claimed', claimedAt: old }));
    state.wishes.set('new-done', makeWish({ id: 'new-done', status: 'fulfilled', fulfilledAt: recent }));
    return state;
  };

  it('drops closed incidents and check-ins older than the retention, keeps open ones however old, and keeps every wish', () => {
    const state = pruneEntities(populated(), now, retainMs);
    expect([...state.incidents.keys()].sort()).toEqual(['new-resolved', 'old-open']);
    expect([...state.checkins.keys()].sort()).toEqual(['new-out', 'old-on-duty']);
    expect([...state.wishes.keys()].sort()).toEqual(['new-done', 'old-claimed', 'old-done']);
    expect(state.stations.size).toBe(1);
  });

  it('lets a later event for a pruned incident pass harmlessly', () => {
    const state = pruneEntities(populated(), now, retainMs);
    const rating = transition({ incidentId: 'old-resolved', from: 'resolved', to: 'rated', satisfaction: 5 });
    applyEvent(state, event(1, 'incident:rated', rating));
    expect(state.incidents.has('old-resolved')).toBe(false);
  });
});
