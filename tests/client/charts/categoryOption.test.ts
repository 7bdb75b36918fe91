import { describe, expect, it } from 'vitest';
import { categoryOption, sortCategories } from '../../../client/charts/options/categoryOption';

describe('sortCategories', () => {
  it('puts the biggest first', () => {
    const sorted = sortCategories([
      { name: '停车', value: 3 },
      { name: '环境卫生', value: 9 },
      { name: '矛盾纠纷', value: 5 },
    ]);
    expect(sorted.map((item) => item.name)).toEqual(['环境卫生', '矛盾纠纷', '停车']);
  });

  it('keeps the given order for equal counts, so rows do not swap places between frames', () => {
    const sorted = sortCategories([
      { name: 'a', value: 1 },
      { name: 'b', value: 2 },
      { name: 'c', value: 1 },
      { name: 'd', value: 2 },
    ]);
    expect(sorted.map((item) => item.name)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('categoryOption', () => {
  const option = categoryOption({
    items: [
      { name: '设施损坏', value: 12 },
      { name: '环境卫生', value: 30 },
      { name: '疫情防控', value: 0 },
    ],
    remPx: 16,
  });
  const yAxis = option.yAxis as { data: string[]; inverse: boolean; axisLabel: { interval: number } };
  const series = option.series as { data: number[]; label: { show: boolean } }[];

  it('lists every category, largest at the top, with its count at the bar end', () => {
    expect(yAxis.data).toEqual(['环境卫生', '设施损坏', '疫情防控']);
    expect(yAxis.inverse).toBe(true);
    expect(series[0]?.data).toEqual([30, 12, 0]);
    expect(series[0]?.label.show).toBe(true);
  });

  it('never hides a category name to avoid overlap', () => {
    expect(yAxis.axisLabel.interval).toBe(0);
  });
});
