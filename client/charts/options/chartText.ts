import { WALL_COLOURS } from '../../layout/wallColours';

/** The kiosk's CJK font first (Debian's fonts-noto-cjk), then what other desktops have. */
export const CHART_FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** Chart text sizes in rem of the wall, turned into pixels: ECharts only takes pixels. */
export const fontPx = (remPx: number, rem: number): number => Math.round(remPx * rem * 10) / 10;

/** The shared top-level text style of every chart: the wall's font, dim text, no background. */
export const baseTextStyle = (remPx: number) => ({
  fontFamily: CHART_FONT_FAMILY,
  fontSize: fontPx(remPx, 0.85),
  color: WALL_COLOURS.textDim,
});

/** Transitions short enough to follow a KPI frame every 500 ms without piling up. */
export const LIVE_ANIMATION = {
  animationDuration: 600,
  animationDurationUpdate: 450,
  animationEasingUpdate: 'cubicOut',
} as const;
