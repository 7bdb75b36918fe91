import { describe, expect, it } from 'vitest';
import type { ChildFigures } from '../../../shared/contract/snapshot';
import { liveChildFigures } from '../../../client/panels/liveChildFigures';
import { HOUR, makeIncident, T0 } from '../../shared/logic/logicFixtures';

const child = (code: string, open = 0, overdue = 0): ChildFigures => ({
  code,
  name: code,
  level: 'community',
  households: 100,
  open,
  overdue,
  reportedToday: 4,
  resolvedToday: 2,
});

describe('liveChildFigures', () => {
  const children = [child('350121100001', 9, 9), child('350121100002', 9, 9)];

  it('recounts open and overdue per child from the live incidents', () => {
    const incidents = [
      makeIncident({ id: 'a', gridCode: '35012110000100101', dueAt: T0 + HOUR }),
      makeIncident({ id: 'b', gridCode: '35012110000100102', dueAt: T0 - HOUR }),
      makeIncident({ id: 'c', gridCode: '35012110000200101', dueAt: T0 + HOUR }),
    ];
    const figures = liveChildFigures(children, incidents, T0);
    expect(figures.map((f) => [f.code, f.open, f.overdue])).toEqual([
      ['350121100001', 2, 1],
      ['350121100002', 1, 0],
    ]);
  });

  it('leaves resolved and rated incidents out', () => {
    const incidents = [
      makeIncident({ id: 'a', status: 'resolved', dueAt: T0 - HOUR }),
      makeIncident({ id: 'b', status: 'rated', dueAt: T0 - HOUR }),
    ];
    expect(liveChildFigures(children, incidents, T0).map((f) => f.open)).toEqual([0, 0]);
  });

  it('counts an incident exactly at its deadline as on time, as the KPIs do', () => {
    const [first] = liveChildFigures(children, [makeIncident({ dueAt: T0 })], T0);
    expect(first?.overdue).toBe(0);
  });

  it('keeps the snapshot figures it does not recount', () => {
    const [first] = liveChildFigures(children, [], T0);
    expect(first).toMatchObject({ households: 100, reportedToday: 4, resolvedToday: 2 });
  });

  it('is empty for a region without subdivisions', () => {
    expect(liveChildFigures([], [makeIncident()], T0)).toEqual([]);
  });
});
