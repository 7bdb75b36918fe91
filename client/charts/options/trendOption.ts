import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { WALL_COLOURS, withAlpha } from '../../layout/wallColours';
import { baseTextStyle, fontPx, LIVE_ANIMATION } from './chartText';

export type TrendOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption>;

export interface TrendInput {
  /** One label per hourly bucket, oldest first (the last is the current hour). */
  hourLabels: readonly string[];
  reported: readonly number[];
  resolved: readonly number[];
  names: { reported: string; resolved: string };
  remPx: number;
}

/** Every n-th hour is labelled so 24 labels never crowd a narrow panel. */
export const TREND_LABEL_EVERY_HOURS = 4;

const areaFill = (colour: string) => ({
  type: 'linear' as const,
  x: 0,
  y: 0,
  x2: 0,
  y2: 1,
  colorStops: [
    { offset: 0, color: withAlpha(colour, 0.35) },
    { offset: 1, color: withAlpha(colour, 0) },
  ],
});

/** ECharts draws no point (and breaks the line) where a value is null. */
type Point = number | null;

/**
 * The complete hours as a solid line with its fill. Not smoothed: a single report in a quiet
 * hour is a step of one, and a spline would draw it as a wave dipping below zero.
 */
const line = (id: string, name: string, data: readonly Point[], colour: string, remPx: number): LineSeriesOption => ({
  type: 'line',
  id,
  name,
  data: [...data],
  smooth: false,
  symbol: 'none',
  lineStyle: { width: fontPx(remPx, 0.16), color: colour },
  itemStyle: { color: colour },
  areaStyle: { color: areaFill(colour) },
});

/**
 * The current hour, still counting: a dashed segment from the last complete hour to it, without
 * fill, so a quarter-hour's few reports read as "so far", not as a crash from the hour before.
 * Same name as its solid line, so one legend entry shows and hides both.
 */
const partialLine = (id: string, name: string, data: readonly Point[], colour: string, remPx: number): LineSeriesOption => ({
  type: 'line',
  id: `${id}-partial`,
  name,
  data: [...data],
  smooth: false,
  symbol: 'circle',
  symbolSize: fontPx(remPx, 0.35),
  showSymbol: true,
  lineStyle: { width: fontPx(remPx, 0.16), color: colour, type: 'dashed' },
  itemStyle: { color: colour },
});

/** Complete hours (the current one left out) and the current hour's segment (only its last two points). */
const splitAtCurrentHour = (data: readonly number[]): { complete: Point[]; partial: Point[] } => {
  const last = data.length - 1;
  return {
    complete: data.map((value, i) => (i < last ? value : null)),
    partial: data.map((value, i) => (i >= last - 1 ? value : null)),
  };
};

const seriesOf = (id: string, name: string, data: readonly number[], colour: string, remPx: number): LineSeriesOption[] => {
  const { complete, partial } = splitAtCurrentHour(data);
  return [line(id, name, complete, colour, remPx), partialLine(id, name, partial, colour, remPx)];
};

/**
 * 24-hour trend of incidents reported vs resolved: two straight lines with soft fills over hourly
 * labels, the current (partial) hour dashed; the last hour keeps its label so the wall shows
 * where "now" is.
 */
export const trendOption = ({ hourLabels, reported, resolved, names, remPx }: TrendInput): TrendOption => {
  const last = hourLabels.length - 1;
  return {
    ...LIVE_ANIMATION,
    textStyle: baseTextStyle(remPx),
    color: [WALL_COLOURS.primary, WALL_COLOURS.secondary],
    legend: {
      top: 0,
      right: 0,
      itemWidth: fontPx(remPx, 1.2),
      itemHeight: fontPx(remPx, 0.5),
      textStyle: { color: WALL_COLOURS.textDim, fontSize: fontPx(remPx, 0.85) },
    },
    grid: { left: 0, right: fontPx(remPx, 0.5), top: fontPx(remPx, 2), bottom: 0, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: [...hourLabels],
      axisLine: { lineStyle: { color: WALL_COLOURS.rule } },
      axisTick: { show: false },
      axisLabel: {
        fontSize: fontPx(remPx, 0.8),
        color: WALL_COLOURS.textDim,
        interval: (index: number) => index === last || (last - index) % TREND_LABEL_EVERY_HOURS === 0,
      },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber: 3,
      axisLabel: { fontSize: fontPx(remPx, 0.8), color: WALL_COLOURS.textFaint },
      splitLine: { lineStyle: { color: WALL_COLOURS.rule, type: 'dashed' } },
    },
    series: [
      ...seriesOf('reported', names.reported, reported, WALL_COLOURS.primary, remPx),
      ...seriesOf('resolved', names.resolved, resolved, WALL_COLOURS.secondary, remPx),
    ],
  };
};
