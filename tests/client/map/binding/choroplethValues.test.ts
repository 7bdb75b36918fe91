import { describe, expect, it } from 'vitest';
import { CHOROPLETH_SCALES, choroplethValues } from '../../../../client/map/binding/choroplethValues';
import { regionFigures } from '../../../../client/map/binding/regionFigures';
import { HOUR, SAMPLE_GRID_PATH, T0, makeIncident, sampleIndex } from '../mapFixtures';

describe('choropleth values', () => {
  const index = sampleIndex();
  const now = T0 + 2 * HOUR;
  const incidents = [
    makeIncident({ id: 'a', regionPath: SAMPLE_GRID_PATH }),
    makeIncident({ id: 'b', regionPath: SAMPLE_GRID_PATH, dueAt: T0 + HOUR }),
    makeIncident({ id: 'c', regionPath: SAMPLE_GRID_PATH, status: 'resolved' }),
  ];
  const figures = regionFigures(incidents, now);

  it('are empty when no metric is chosen', () => {
    expect(choroplethValues('none', figures, index).size).toBe(0);
  });

  it('give open incidents per 1,000 households as a share of full scale, on communities, compounds and grids', () => {
    const values = choroplethValues('openPerThousandHouseholds', figures, index);
    const fullScale = CHOROPLETH_SCALES.openPerThousandHouseholds.fullScale;
    expect(values.get('350121001001')).toBeCloseTo(((2 / 4000) * 1000) / fullScale);
    expect(values.get('350121001001001')).toBeCloseTo(2 / fullScale);
    // 2 open in 500 households is 4 per 1,000.
    expect(values.get('35012100100100101')).toBeCloseTo(4 / fullScale);
    expect(values.get('350121002001')).toBe(0);
    expect(values.has('350121001')).toBe(false);
  });

  it('leave out regions without households rather than calling them calm', () => {
    expect(choroplethValues('openPerThousandHouseholds', figures, index).has('350121001001002')).toBe(false);
  });

  it('give the overdue rate of the open incidents, capped at full scale', () => {
    const values = choroplethValues('overdueRate', figures, index);
    expect(values.get('35012100100100101')).toBe(Math.min(1, 0.5 / CHOROPLETH_SCALES.overdueRate.fullScale));
    expect(values.get('350121002001')).toBe(0);
  });
});
