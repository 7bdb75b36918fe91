import type { GaugeSeriesOption } from 'echarts/charts';
import type { ComposeOption } from 'echarts/core';
import { WALL_COLOURS } from '../../layout/wallColours';
import { baseTextStyle, fontPx, LIVE_ANIMATION } from './chartText';

export type RateGaugesOption = ComposeOption<GaugeSeriesOption>;

export interface RateGauge {
  id: string;
  name: string;
  /** 0..1, or null when there is nothing to measure yet (no incident reported today). */
  rate: number | null;
  /** The rate as the wall prints it ("98.7%", or "暂无"), formatted by the caller's locale. */
  display: string;
  colour: string;
}

export interface RateGaugesInput {
  gauges: readonly RateGauge[];
  remPx: number;
}

const gauge = (g: RateGauge, index: number, count: number, remPx: number): GaugeSeriesOption => {
  const widthPx = fontPx(remPx, 0.55);
  return {
    type: 'gauge',
    id: g.id,
    center: [`${((index + 0.5) / count) * 100}%`, '56%'],
    radius: '88%',
    startAngle: 215,
    endAngle: -35,
    min: 0,
    max: 100,
    pointer: { show: false },
    progress: { show: true, roundCap: true, width: widthPx, itemStyle: { color: g.colour } },
    axisLine: { roundCap: true, lineStyle: { width: widthPx, color: [[1, WALL_COLOURS.rule]] } },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLabel: { show: false },
    anchor: { show: false },
    title: {
      show: true,
      offsetCenter: [0, '72%'],
      fontSize: fontPx(remPx, 0.9),
      color: WALL_COLOURS.textDim,
    },
    detail: {
      valueAnimation: false,
      offsetCenter: [0, '0%'],
      fontSize: fontPx(remPx, 1.6),
      fontWeight: 'bold',
      color: g.rate === null ? WALL_COLOURS.textFaint : WALL_COLOURS.text,
      formatter: () => g.display,
    },
    data: [{ name: g.name, value: g.rate === null ? 0 : Math.round(g.rate * 1000) / 10 }],
  };
};

/** Acceptance and resolution rates side by side as open-ring gauges with the figure inside. */
export const rateGaugesOption = ({ gauges, remPx }: RateGaugesInput): RateGaugesOption => ({
  ...LIVE_ANIMATION,
  textStyle: baseTextStyle(remPx),
  series: gauges.map((g, index) => gauge(g, index, gauges.length, remPx)),
});
