import { describe, expect, it } from 'vitest';
import { alarmCardsOf, placeOfNotice } from '../../../client/alarms/alarmCards';
import { COMMUNITY, COUNTY, GRID, HOUR, MINUTE, PATH, STREET, T0, makeIncident } from '../../shared/logic/logicFixtures';
import { NAMES, publicNoticesOf } from './alarmNoticeFixtures';

describe('alarm cards on the wall', () => {
  it('say what, where, when and why — and carry nothing personal', () => {
    const notices = publicNoticesOf([makeIncident({ priority: 'urgent', category: 'safety', reportedAt: T0 + 5 * MINUTE })], T0 + HOUR / 2);
    const { cards, more } = alarmCardsOf(notices);
    expect(cards).toEqual([{ incidentId: 'INC-1', reason: 'urgent', category: 'safety', place: '榕桥社区 · 榕桥花园', time: '10:05', count: 1 }]);
    expect(more).toBe(0);
    expect(JSON.stringify(cards)).not.toMatch(/张|138|502/);
  });

  it('show the newest few and count the rest', () => {
    const incidents = [0, 1, 2, 3, 4].map((n) => makeIncident({ id: `INC-${n}`, priority: 'urgent', reportedAt: T0 + n * MINUTE }));
    const { cards, more } = alarmCardsOf(publicNoticesOf(incidents, T0 + 10 * MINUTE), 3);
    expect(cards.map((c) => c.incidentId)).toEqual(['INC-4', 'INC-3', 'INC-2']);
    expect(more).toBe(2);
  });

  it('count the alarms a capped frame did not name among the rest', () => {
    const incidents = [0, 1, 2, 3, 4].map((n) => makeIncident({ id: `INC-${n}`, priority: 'urgent', reportedAt: T0 + n * MINUTE }));
    // The frame named five of 40 active alarms: three get cards, 37 are "more".
    expect(alarmCardsOf(publicNoticesOf(incidents, T0 + 10 * MINUTE), 3, 40).more).toBe(37);
  });

  it('show repeats of one place and category as one card with their count, and count only the alarms no card stands for', () => {
    const incidents = [0, 1, 2, 3, 4].map((n) => makeIncident({ id: `INC-${n}`, priority: 'urgent', reportedAt: T0 + n * MINUTE }));
    // As the feed groups them: INC-4 leads INC-3 and INC-2; INC-1 and INC-0 lead themselves.
    const notices = publicNoticesOf(incidents, T0 + 10 * MINUTE).map((notice) =>
      ['INC-4', 'INC-3', 'INC-2'].includes(notice.incidentId) ? { ...notice, group: 'INC-4', count: 3 } : notice,
    );
    const { cards, more } = alarmCardsOf(notices, 2, 12);
    expect(cards.map((c) => [c.incidentId, c.count])).toEqual([
      ['INC-4', 3],
      ['INC-1', 1],
    ]);
    expect(more).toBe(8);
  });

  it('give the deadline as the time of an overdue alarm', () => {
    const { cards } = alarmCardsOf(publicNoticesOf([makeIncident({ dueAt: T0 + HOUR })], T0 + 2 * HOUR));
    expect(cards[0]).toMatchObject({ reason: 'overdue', time: '11:00' });
  });

  it('name the place from the names the notice brings, the nearest named region when the path stops short', () => {
    expect(placeOfNotice({ regionPath: [...PATH], regionNames: PATH.map((code) => NAMES[code] ?? '') })).toBe('榕桥社区 · 榕桥花园');
    expect(placeOfNotice({ regionPath: [COUNTY, STREET, GRID], regionNames: ['闽侯县', '上街镇', '第一网格'] })).toBe('上街镇');
    expect(placeOfNotice({ regionPath: [COUNTY, STREET, COMMUNITY], regionNames: ['闽侯县', '上街镇', ''] })).toBe('上街镇');
  });
});
