import { describe, expect, it } from 'vitest';
import { createEntityState } from '../../../shared/logic/entityState';
import { boardRowOf, type BoardContext, type BoardLabels } from '../../../client/eventBoard/boardRowOf';
import { createRegionDirectory } from '../../../client/stores/regionDirectory';
import { COMMUNITY, COMPOUND, event, HOUR, makeCheckin, makeIncident, makeStation, makeWish, T0 } from '../../shared/logic/logicFixtures';

const labels: BoardLabels = {
  category: (category) => `cat:${category}`,
  stationType: (type) => `type:${type}`,
  stationStatus: (status) => `station:${status}`,
  service: (category) => `service:${category}`,
  eventType: (type) => `event:${type}`,
  wish: '微心愿',
  overdue: '超期',
  urgent: '紧急',
};

const context = (now = T0): BoardContext => {
  const entities = createEntityState([makeStation()]);
  entities.incidents.set('INC-OPEN', makeIncident({ id: 'INC-OPEN', category: 'dispute', dueAt: T0 + HOUR }));
  entities.incidents.set('INC-LATE', makeIncident({ id: 'INC-LATE', category: 'safety', dueAt: T0 - HOUR }));
  entities.incidents.set('INC-DONE', makeIncident({ id: 'INC-DONE', status: 'resolved', dueAt: T0 - HOUR }));
  entities.checkins.set('CK-1', makeCheckin());
  const directory = createRegionDirectory([
    { code: COMMUNITY, level: 'community', name: '榕桥社区', hasBranch: true },
    { code: COMPOUND, level: 'compound', name: '榕桥花园', hasBranch: true },
  ]);
  return { directory, entities, now, labels };
};

const transition = (seq: number, incidentId: string, type: 'incident:accepted' | 'incident:resolved' = 'incident:accepted') =>
  event(seq, type, { incidentId, from: 'reported', to: 'accepted', level: 'grid' });

describe('boardRowOf', () => {
  it('reads a report as time, community · compound, category and what happened', () => {
    const row = boardRowOf(event(1, 'incident:reported', { incident: makeIncident({ id: 'INC-NEW' }) }), context());
    expect(row).toEqual({
      seq: 1,
      time: '10:01:00',
      place: '榕桥社区 · 榕桥花园',
      category: 'cat:facility',
      status: 'event:incident:reported',
      stream: 'incident',
      tone: 'new',
      flag: '',
    });
  });

  it('finds the category of a transition in the live incidents', () => {
    expect(boardRowOf(transition(2, 'INC-OPEN'), context()).category).toBe('cat:dispute');
  });

  it('flags an open incident past its deadline in red', () => {
    const row = boardRowOf(transition(3, 'INC-LATE'), context());
    expect(row).toMatchObject({ tone: 'urgent', flag: '超期' });
  });

  it('does not flag an incident that is resolved, however late', () => {
    const row = boardRowOf(transition(4, 'INC-DONE', 'incident:resolved'), context());
    expect(row).toMatchObject({ tone: 'done', flag: '' });
  });

  it('flags an urgent report until it is dealt with', () => {
    const urgent = makeIncident({ id: 'INC-URGENT', priority: 'urgent', dueAt: T0 + HOUR });
    expect(boardRowOf(event(5, 'incident:reported', { incident: urgent }), context())).toMatchObject({
      tone: 'urgent',
      flag: '紧急',
    });
  });

  it('shows a dash for a transition of an incident the screen no longer holds', () => {
    expect(boardRowOf(transition(6, 'INC-GONE'), context()).category).toBe('—');
  });

  it('names a station by its type and its new status, a fault in amber', () => {
    const change = event(7, 'station:statusChanged', {
      stationId: 'ST-1',
      status: 'fault',
      onDuty: null,
      onDutyCount: 0,
      visitors: 0,
      activity: null,
    });
    expect(boardRowOf(change, context())).toMatchObject({
      category: 'type:red_station',
      status: 'station:fault',
      stream: 'station',
      tone: 'warning',
    });
  });

  it('names check-ins and check-outs by their service category', () => {
    const checkIn = boardRowOf(event(8, 'volunteer:checkedIn', { checkin: makeCheckin({ category: 'clinic' }) }), context());
    const checkOut = boardRowOf(event(9, 'volunteer:checkedOut', { checkinId: 'CK-1', hours: 2, points: 4 }), context());
    expect([checkIn.category, checkOut.category]).toEqual(['service:clinic', 'service:elder_help']);
    expect(checkOut.stream).toBe('volunteer');
  });

  it('shows wishes under one category, fulfilled ones as done', () => {
    const posted = boardRowOf(event(10, 'wish:posted', { wish: makeWish() }), context());
    const fulfilled = boardRowOf(event(11, 'wish:fulfilled', { wishId: 'W-1' }), context());
    expect([posted.category, posted.tone, fulfilled.tone]).toEqual(['微心愿', 'plain', 'done']);
  });

  it('shows a dash for a place the directory does not know yet', () => {
    const row = boardRowOf(transition(12, 'INC-OPEN'), { ...context(), directory: createRegionDirectory([]) });
    expect(row.place).toBe('—');
  });
});
