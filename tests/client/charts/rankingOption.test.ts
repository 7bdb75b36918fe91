import { describe, expect, it } from 'vitest';
import { RANKING_LIMIT, rankingOption, topByOpen, type RankingRow } from '../../../client/charts/options/rankingOption';
import { WALL_COLOURS } from '../../../client/layout/wallColours';

const row = (name: string, open: number, overdue = 0): RankingRow => ({ name, open, overdue });

describe('topByOpen', () => {
  it('ranks by open incidents, then by overdue, then by name', () => {
    const ranked = topByOpen([row('乙', 5, 0), row('甲', 9, 0), row('丙', 5, 2), row('丁', 5, 0)]);
    expect(ranked.map((r) => r.name)).toEqual(['甲', '丙', '丁', '乙']);
  });

  it('keeps the top ten only', () => {
    const rows = Array.from({ length: 16 }, (_, i) => row(`街道${i}`, i));
    const ranked = topByOpen(rows);
    expect(ranked).toHaveLength(RANKING_LIMIT);
    expect(ranked[0]?.open).toBe(15);
    expect(ranked.at(-1)?.open).toBe(6);
  });
});

describe('rankingOption', () => {
  const option = rankingOption({
    rows: [row('甘蔗街道', 205, 3), row('白沙镇', 89, 0)],
    overdueNote: (n) => `超期 ${n}`,
    remPx: 16,
  });
  type Bar = {
    id: string;
    stack: string;
    data: number[];
    itemStyle: { color: string };
    label?: { formatter: (p: { dataIndex: number }) => string };
  };
  const [onTime, overdue] = option.series as Bar[];

  it('stacks the on-time part and the overdue part into one bar of all open incidents', () => {
    expect(onTime?.data).toEqual([202, 89]);
    expect(overdue?.data).toEqual([3, 0]);
    expect(onTime?.stack).toBe(overdue?.stack);
  });

  it('paints only the overdue part red', () => {
    expect(overdue?.itemStyle.color).toBe(WALL_COLOURS.urgent);
    expect(onTime?.itemStyle.color).not.toBe(WALL_COLOURS.urgent);
  });

  it('prints the open count after each bar, with an overdue note only where there is one', () => {
    const formatter = overdue?.label?.formatter;
    expect(formatter?.({ dataIndex: 0 })).toBe('{open|205} {late|超期 3}');
    expect(formatter?.({ dataIndex: 1 })).toBe('{open|89}');
  });

  it('names the rows in rank order', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual(['甘蔗街道', '白沙镇']);
  });
});
