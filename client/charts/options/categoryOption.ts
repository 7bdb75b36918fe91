import type { BarSeriesOption } from 'echarts/charts';
import { WALL_COLOURS } from '../../layout/wallColours';
import { barEndLabel, barLook, barRowsAxes, type BarRowsOption } from './barRows';
import { baseTextStyle, LIVE_ANIMATION } from './chartText';

export interface CategoryItem {
  /** Display name, already translated. */
  name: string;
  value: number;
}

export interface CategoryInput {
  items: readonly CategoryItem[];
  remPx: number;
}

/** Biggest first; equal counts keep the domain's order so rows do not swap back and forth. */
export const sortCategories = (items: readonly CategoryItem[]): CategoryItem[] =>
  items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.value - a.item.value || a.index - b.index)
    .map(({ item }) => item);

/** Today's incidents by category as one-colour horizontal bars, largest at the top. */
export const categoryOption = ({ items, remPx }: CategoryInput): BarRowsOption => {
  const sorted = sortCategories(items);
  const series: BarSeriesOption = {
    type: 'bar',
    id: 'categories',
    data: sorted.map((item) => item.value),
    ...barLook(remPx),
    itemStyle: { ...barLook(remPx).itemStyle, color: WALL_COLOURS.primary },
    label: barEndLabel(remPx),
  };
  return {
    ...LIVE_ANIMATION,
    textStyle: baseTextStyle(remPx),
    ...barRowsAxes(
      sorted.map((item) => item.name),
      remPx,
    ),
    series: [series],
  };
};
