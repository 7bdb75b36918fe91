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
  series: option.series as { id: string; name: string; data: number[]; lineStyle: { color: string } }[],
});

describe('trendOption', () => {
  it('draws reported and resolved as two lines over the 24 hour labels', () => {
    const { xAxis, series } = partsOf(build());
    expect(xAxis.data).toEqual(hours);
    expect(series.map((s) => [s.id, s.name])).toEqual([
      ['reported', '上报'],
      ['resolved', '办结'],
    ]);
    expect(series[0]?.data[23]).toBe(46);
    expect(series[1]?.data[23]).toBe(23);
  });

  it('colours reported cyan and resolved green, never the urgent red', () => {
    const colours = partsOf(build()).series.map((s) => s.lineStyle.color);
    expect(colours).toEqual([WALL_COLOURS.primary, WALL_COLOURS.secondary]);
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
