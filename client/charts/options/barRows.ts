import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { WALL_COLOURS } from '../../layout/wallColours';
import { fontPx } from './chartText';

export type BarRowsOption = ComposeOption<BarSeriesOption | GridComponentOption>;

/**
 * The frame shared by the horizontal-bar panels: names on the left, the first row at the top,
 * no value axis (each bar carries its number), so long Chinese names get all the room there is.
 */
export const barRowsAxes = (names: readonly string[], remPx: number): Pick<BarRowsOption, 'grid' | 'xAxis' | 'yAxis'> => ({
  grid: {
    left: 0,
    right: fontPx(remPx, 3),
    top: 0,
    bottom: 0,
    outerBoundsMode: 'same',
    outerBoundsContain: 'axisLabel',
  },
  xAxis: { type: 'value', show: false, minInterval: 1 },
  yAxis: {
    type: 'category',
    inverse: true,
    data: [...names],
    axisLine: { show: false },
    axisTick: { show: false },
    // interval 0: every row keeps its name, however tight; the panel is sized for them.
    axisLabel: { interval: 0, fontSize: fontPx(remPx, 0.85), color: WALL_COLOURS.text, margin: fontPx(remPx, 0.6) },
  },
});

/** A bar's value printed at its end, in the row's own colour. */
export const barEndLabel = (remPx: number, colour: string = WALL_COLOURS.text) => ({
  show: true,
  position: 'right' as const,
  distance: fontPx(remPx, 0.4),
  fontSize: fontPx(remPx, 0.85),
  fontWeight: 'bold' as const,
  color: colour,
});

/** Bars a little under the row height, with a faint track so empty rows still read as rows. */
export const barLook = (remPx: number) => ({
  barWidth: '56%',
  barMaxWidth: fontPx(remPx, 1.2),
  showBackground: true,
  backgroundStyle: { color: 'rgba(56, 198, 244, 0.06)' },
  itemStyle: { borderRadius: fontPx(remPx, 0.15) },
});
