import type { FunnelSeriesOption } from 'echarts/charts';
import type { ComposeOption } from 'echarts/core';
import { WALL_COLOURS, withAlpha } from '../../layout/wallColours';
import { baseTextStyle, fontPx, LIVE_ANIMATION } from './chartText';

export type WishFunnelOption = ComposeOption<FunnelSeriesOption>;

/** Current counts per status, as RegionKpis['wishes'] gives them: each wish counts once, under its status. */
export interface WishCounts {
  posted: number;
  claimed: number;
  fulfilled: number;
}

export interface WishStage {
  name: string;
  value: number;
}

export interface WishFunnelInput {
  /** Names of the three stages in order: posted, claimed, fulfilled. */
  names: readonly [string, string, string];
  counts: WishCounts;
  remPx: number;
}

/**
 * 点单 → 接单 → 实现 as a funnel needs cumulative stages: a fulfilled wish was also posted and
 * claimed, but the KPI counts it only as fulfilled. So every wish has reached "posted", those
 * claimed or fulfilled have reached "claimed", and only fulfilled ones the last stage.
 */
export const wishStages = (names: WishFunnelInput['names'], counts: WishCounts): WishStage[] => [
  { name: names[0], value: counts.posted + counts.claimed + counts.fulfilled },
  { name: names[1], value: counts.claimed + counts.fulfilled },
  { name: names[2], value: counts.fulfilled },
];

const STAGE_COLOURS = [WALL_COLOURS.primary, WALL_COLOURS.tertiary, WALL_COLOURS.secondary];

/** The three-list system (居民点单、党员接单、心愿实现) as a funnel with name and count inside. */
export const wishFunnelOption = ({ names, counts, remPx }: WishFunnelInput): WishFunnelOption => {
  const stages = wishStages(names, counts);
  return {
    ...LIVE_ANIMATION,
    textStyle: baseTextStyle(remPx),
    series: [
      {
        type: 'funnel',
        id: 'wishes',
        left: 0,
        right: 0,
        top: 0,
        bottom: 0,
        // Widths relative to the first stage; an empty stage keeps room for its label.
        min: 0,
        max: Math.max(1, stages[0]?.value ?? 0),
        minSize: '38%',
        maxSize: '100%',
        sort: 'none',
        gap: fontPx(remPx, 0.2),
        silent: true,
        label: {
          show: true,
          position: 'inside',
          fontSize: fontPx(remPx, 0.85),
          color: WALL_COLOURS.text,
          formatter: '{b}  {c}',
        },
        itemStyle: { borderWidth: 0 },
        data: stages.map((stage, index) => ({
          ...stage,
          itemStyle: { color: withAlpha(STAGE_COLOURS[index] ?? WALL_COLOURS.primary, 0.55) },
        })),
      },
    ],
  };
};
