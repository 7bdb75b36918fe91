import { describe, expect, it } from 'vitest';
import { cappedList, kpiValueText } from '../../../client/layout/legendText';
import { choroplethLegend } from '../../../client/map/style/mapLegend';
import { CHOROPLETH_RAMP } from '../../../client/map/style/palette';

describe('the legend panel’s texts', () => {
  it('lists names up to the cap and counts the rest as +N, the "+N" line taking the last place', () => {
    expect(cappedList(['a', 'b'], 3)).toEqual({ shown: ['a', 'b'], more: 0 });
    expect(cappedList(['a', 'b', 'c', 'd', 'e'], 3)).toEqual({ shown: ['a', 'b'], more: 3 });
  });

  it('prints the overdue rate in percent and the per-household figure with at most one decimal', () => {
    expect(kpiValueText('overdueRate', 0.125)).toBe('13%');
    expect(kpiValueText('openPerThousandHouseholds', 2.5)).toBe('2.5');
    expect(kpiValueText('openPerThousandHouseholds', 10)).toBe('10');
  });

  it('grades the choropleth with the fill’s own ramp, from zero to the metric’s full scale', () => {
    const stops = choroplethLegend('overdueRate');
    expect(stops.map((stop) => stop.colour)).toEqual([...CHOROPLETH_RAMP]);
    expect(stops[0]!.value).toBe(0);
    expect(stops.at(-1)!.value).toBe(0.5);
    expect(choroplethLegend('openPerThousandHouseholds').map((stop) => stop.value)).toEqual([0, 2.5, 5, 7.5, 10]);
  });
});
