import { describe, expect, it } from 'vitest';
import { TREND_LABEL_EVERY_HOURS, trendOption } from '../../../client/charts/options/trendOption';
import { WALL_COLOURS } from '../../../client/layout/wallColours';

const hours = Array.from({ length: 24 }, (_, i) => `${i}时`);
const build = (remPx = 16) =>
  trendOption({
    hourLabels: hours,
    reported: hours.map((_, i) => i * 2),
    resolved: hours.map((_, i) => i),
    names: { reported: '上报', resolved: '办结' },
    remPx,
  });

/** The option's axes and series as plain records, for reading in assertions. */
const partsOf = (option: ReturnType<typeof build>) => ({
  xAxis: option.xAxis as { data: string[]; axisLabel: { interval: (index: number) => boolean; fontSize: number } },
  series: option.series as { id: string; name: string; data: (number | null)[]; smooth: unknown; areaStyle?: unknown; lineStyle: { color: string; type?: string } }[],
});

describe('trendOption', () => {
  it('draws reported and resolved over the 24 hour labels, each as a solid line of the complete hours and a dashed segment to the current one', () => {
    const { xAxis, series } = partsOf(build());
    expect(xAxis.data).toEqual(hours);
    expect(series.map((s) => [s.id, s.name])).toEqual([
      ['reported', '上报'],
      ['reported-partial', '上报'],
      ['resolved', '办结'],
      ['resolved-partial', '办结'],
    ]);
    const [reported, reportedNow, resolved, resolvedNow] = series;
    // The complete hours end at the last full hour; the current hour is only in the dashed segment.
    expect(reported?.data.slice(21)).toEqual([42, 44, null]);
    expect(resolved?.data.slice(21)).toEqual([21, 22, null]);
    expect(reportedNow?.data.slice(21)).toEqual([null, 44, 46]);
    expect(reportedNow?.data.filter((v) => v !== null)).toHaveLength(2);
    expect(resolvedNow?.data.slice(22)).toEqual([22, 23]);
    expect(reportedNow?.lineStyle.type).toBe('dashed');
    expect(reported?.lineStyle.type).toBeUndefined();
    // No fill under a value that is still counting.
    expect(reportedNow?.areaStyle).toBeUndefined();
  });

  it('draws straight lines between hours, never a smoothed wave', () => {
    expect(partsOf(build()).series.map((s) => s.smooth)).toEqual([false, false, false, false]);
  });

  it('colours reported cyan and resolved green, never the urgent red', () => {
    const colours = partsOf(build()).series.map((s) => s.lineStyle.color);
    expect(colours).toEqual([WALL_COLOURS.primary, WALL_COLOURS.primary, WALL_COLOURS.secondary, WALL_COLOURS.secondary]);
    expect(colours).not.toContain(WALL_COLOURS.urgent);
  });

  it('labels every fourth hour counted back from the current one, and always the current one', () => {
    const { interval } = partsOf(build()).xAxis.axisLabel;
    const labelled = hours.map((_, i) => i).filter((i) => interval(i));
    expect(labelled).toContain(23);
    expect(labelled.every((i) => (23 - i) % TREND_LABEL_EVERY_HOURS === 0)).toBe(true);
    expect(labelled).toHaveLength(6);
  });

  it('sizes its text in wall rem, so a 4K wall gets twice the pixels of a 1080p one', () => {
    expect(partsOf(build(32)).xAxis.axisLabel.fontSize).toBe(2 * partsOf(build(16)).xAxis.axisLabel.fontSize);
  });

  it('copies its inputs, so a later change to the KPI arrays cannot reach into the chart', () => {
    const reported = new Array<number>(24).fill(1);
    const option = trendOption({ hourLabels: hours, reported, resolved: reported, names: { reported: 'a', resolved: 'b' }, remPx: 16 });
    reported[0] = 99;
    expect(partsOf(option).series[0]?.data[0]).toBe(1);
  });
});
