import type { PieSeriesOption } from 'echarts/charts';
import type { ComposeOption } from 'echarts/core';
import { WALL_COLOURS } from '../../layout/wallColours';
import { baseTextStyle, LIVE_ANIMATION } from './chartText';

export type StationsOption = ComposeOption<PieSeriesOption>;

export interface StationSlice {
  id: string;
  name: string;
  value: number;
  colour: string;
}

export interface StationsInput {
  slices: readonly StationSlice[];
  remPx: number;
}

/**
 * Stations by status as a ring; the panel prints the numbers beside it, so the ring carries no
 * labels and stays legible at any size. An empty region shows a plain grey ring, not nothing.
 */
export const stationsOption = ({ slices, remPx }: StationsInput): StationsOption => {
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  const data =
    total > 0
      ? slices.map((slice) => ({ name: slice.name, value: slice.value, itemStyle: { color: slice.colour } }))
      : [{ name: '', value: 1, itemStyle: { color: WALL_COLOURS.rule } }];
  return {
    ...LIVE_ANIMATION,
    textStyle: baseTextStyle(remPx),
    series: [
      {
        type: 'pie',
        id: 'stations',
        radius: ['64%', '92%'],
        center: ['50%', '50%'],
        startAngle: 90,
        avoidLabelOverlap: false,
        silent: true,
        label: { show: false },
        labelLine: { show: false },
        itemStyle: { borderColor: WALL_COLOURS.ground, borderWidth: Math.max(1, remPx * 0.12) },
        data,
      },
    ],
  };
};
