import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import { activeAlarms } from '../../../shared/logic/alarms/alarmOf';
import { DEFAULT_ALARM_POLICY } from '../../../shared/logic/alarms/alarmPolicy';
import { ALARM_GROUP_WINDOW_MS, alarmPlaceOf, groupAlarms } from '../../../shared/logic/alarms/groupAlarms';
import { COMMUNITY, COMPOUND, COUNTY, GRID, MINUTE, PATH, STREET, T0, makeIncident } from './logicFixtures';

const OTHER_GRID = `${COMPOUND}02`;
const urgent = (id: string, minutesAfter: number, overrides: Partial<Incident> = {}): Incident =>
  makeIncident({ id, priority: 'urgent', category: 'safety', reportedAt: T0 + minutesAfter * MINUTE, dueAt: T0 + 600 * MINUTE, ...overrides });

const groupsOf = (incidents: Incident[], now = T0 + 120 * MINUTE) => {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  return groupAlarms(activeAlarms(incidents, now, DEFAULT_ALARM_POLICY), (id) => byId.get(id)).map((g) => g.members.map((m) => m.incidentId));
};

describe('groupAlarms: repeat alarms of one place and category are one alarm with a count', () => {
  it('groups urgent reports of the same compound and category within the window, newest first, the newest leading', () => {
    const incidents = [urgent('A', 0), urgent('B', 5, { gridCode: OTHER_GRID, regionPath: [...PATH.slice(0, 4), OTHER_GRID] }), urgent('C', 12)];
    expect(groupsOf(incidents)).toEqual([['C', 'B', 'A']]);
  });

  it('keeps another category, another compound, or the same place beyond the window apart', () => {
    const otherCompound = `${COMMUNITY}002`;
    const incidents = [
      urgent('A', 0),
      urgent('B', 1, { category: 'facility' }),
      urgent('C', 2, { regionPath: [COUNTY, STREET, COMMUNITY, otherCompound, `${otherCompound}01`], gridCode: `${otherCompound}01` }),
      urgent('D', 3 + ALARM_GROUP_WINDOW_MS / MINUTE),
    ];
    expect(groupsOf(incidents)).toEqual([['D'], ['C'], ['B'], ['A']]);
  });

  it('chains a steady trickle of repeats: each within the window of the one before stays in the group', () => {
    const step = ALARM_GROUP_WINDOW_MS / MINUTE - 1;
    expect(groupsOf([urgent('A', 0), urgent('B', step), urgent('C', 2 * step)], T0 + 200 * MINUTE)).toEqual([['C', 'B', 'A']]);
  });

  it('places an alarm by its compound, or by its grid where the path has no compound', () => {
    expect(alarmPlaceOf({ category: 'safety', regionPath: PATH, gridCode: GRID })).toBe(COMPOUND);
    const grid = `${COMMUNITY}99901`;
    expect(alarmPlaceOf({ category: 'safety', regionPath: [COUNTY, STREET, COMMUNITY, grid], gridCode: grid })).toBe(grid);
  });

  it('puts every alarm in exactly one group', () => {
    const incidents = Array.from({ length: 30 }, (_, i) => urgent(`I${i}`, i * 7, { category: i % 3 === 0 ? 'safety' : 'facility' }));
    const members = groupsOf(incidents, T0 + 400 * MINUTE).flat();
    expect(members.sort()).toEqual(incidents.map((i) => i.id).sort());
  });
});
