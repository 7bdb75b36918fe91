import { describe, expect, it } from 'vitest';
import { stationsOption } from '../../../client/charts/options/stationsOption';
import { WALL_COLOURS } from '../../../client/layout/wallColours';

type Ring = { data: { name: string; value: number; itemStyle: { color: string } }[]; radius: [string, string] };

describe('stationsOption', () => {
  it('draws one ring slice per status, in its colour', () => {
    const option = stationsOption({
      slices: [
        { id: 'open', name: '开放', value: 10, colour: '#111111' },
        { id: 'fault', name: '故障', value: 1, colour: '#222222' },
      ],
      remPx: 16,
    });
    const [ring] = option.series as Ring[];
    expect(ring?.data).toEqual([
      { name: '开放', value: 10, itemStyle: { color: '#111111' } },
      { name: '故障', value: 1, itemStyle: { color: '#222222' } },
    ]);
  });

  it('shows a plain grey ring, not an empty panel, for a region without stations', () => {
    const option = stationsOption({ slices: [{ id: 'open', name: '开放', value: 0, colour: '#111111' }], remPx: 16 });
    const [ring] = option.series as Ring[];
    expect(ring?.data).toHaveLength(1);
    expect(ring?.data[0]?.itemStyle.color).toBe(WALL_COLOURS.rule);
  });
});
