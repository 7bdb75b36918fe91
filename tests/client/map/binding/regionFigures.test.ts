import { describe, expect, it } from 'vitest';
import { regionFigures } from '../../../../client/map/binding/regionFigures';
import { COMMUNITY, COUNTY, GRID, HOUR, MINUTE, PATH, T0, makeIncident } from '../mapFixtures';

describe('region figures', () => {
  const now = T0 + 2 * HOUR;

  it('count an open incident for its grid and every region above it', () => {
    const figures = regionFigures([makeIncident()], now);
    for (const code of PATH) expect(figures.get(code)).toEqual({ open: 1, overdue: 0 });
  });

  it('count overdue incidents by the clock passed in', () => {
    const late = makeIncident({ id: 'late', dueAt: T0 + HOUR });
    const onTime = makeIncident({ id: 'on-time', dueAt: now });
    expect(regionFigures([late, onTime], now).get(GRID)).toEqual({ open: 2, overdue: 1 });
  });

  it('leave resolved and rated incidents out', () => {
    const closed = [makeIncident({ id: 'a', status: 'resolved' }), makeIncident({ id: 'b', status: 'rated' })];
    expect(regionFigures(closed, now).size).toBe(0);
  });

  it('keep sibling regions apart', () => {
    const elsewhere = makeIncident({ id: 'x', regionPath: [COUNTY, '350121200', '350121200001'], reportedAt: T0 + MINUTE });
    const figures = regionFigures([makeIncident(), elsewhere], now);
    expect(figures.get(COUNTY)?.open).toBe(2);
    expect(figures.get(COMMUNITY)?.open).toBe(1);
    expect(figures.get('350121200001')?.open).toBe(1);
  });
});
