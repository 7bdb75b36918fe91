import type { BarSeriesOption } from 'echarts/charts';
import { WALL_COLOURS } from '../../layout/wallColours';
import { barEndLabel, barLook, barRowsAxes, type BarRowsOption } from './barRows';
import { baseTextStyle, fontPx, LIVE_ANIMATION } from './chartText';

export interface RankingRow {
  name: string;
  open: number;
  overdue: number;
}

export interface RankingInput {
  rows: readonly RankingRow[];
  /** "超期 {n}" in the wall's language, for the red note after a row's number. */
  overdueNote: (overdue: number) => string;
  remPx: number;
  limit?: number;
}

export const RANKING_LIMIT = 10;

/** Most open incidents first, then most overdue, then by name: a stable order leaders can read. */
export const topByOpen = (rows: readonly RankingRow[], limit = RANKING_LIMIT): RankingRow[] =>
  [...rows]
    .sort((a, b) => b.open - a.open || b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit);

/**
 * Sub-regions ranked by open incidents: each bar is the open count, its overdue part in red at
 * the end of the bar, and the number (plus an overdue note when there is one) after it.
 */
export const rankingOption = ({ rows, overdueNote, remPx, limit = RANKING_LIMIT }: RankingInput): BarRowsOption => {
  const top = topByOpen(rows, limit);
  const look = barLook(remPx);
  const onTime: BarSeriesOption = {
    type: 'bar',
    id: 'on-time',
    stack: 'open',
    data: top.map((row) => Math.max(0, row.open - row.overdue)),
    ...look,
    itemStyle: { ...look.itemStyle, color: WALL_COLOURS.primary },
  };
  const overdue: BarSeriesOption = {
    type: 'bar',
    id: 'overdue',
    stack: 'open',
    data: top.map((row) => Math.min(row.overdue, row.open)),
    barWidth: look.barWidth,
    barMaxWidth: look.barMaxWidth,
    itemStyle: { color: WALL_COLOURS.urgent, borderRadius: look.itemStyle.borderRadius },
    label: {
      ...barEndLabel(remPx),
      formatter: ({ dataIndex }: { dataIndex: number }) => {
        const row = top[dataIndex];
        if (!row) return '';
        return row.overdue > 0 ? `{open|${row.open}} {late|${overdueNote(row.overdue)}}` : `{open|${row.open}}`;
      },
      rich: {
        open: { fontSize: fontPx(remPx, 0.85), fontWeight: 'bold', color: WALL_COLOURS.text },
        late: { fontSize: fontPx(remPx, 0.75), fontWeight: 'bold', color: WALL_COLOURS.urgent },
      },
    },
  };
  const axes = barRowsAxes(
    top.map((row) => row.name),
    remPx,
  );
  return {
    ...LIVE_ANIMATION,
    textStyle: baseTextStyle(remPx),
    ...axes,
    grid: { ...axes.grid, right: fontPx(remPx, 5.5) },
    series: [onTime, overdue],
  };
};
