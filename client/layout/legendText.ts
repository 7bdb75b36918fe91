import type { ChoroplethMetric } from '../map/binding/mapInput';

/** The first `max` names and how many more there are: a list on a wall must not run off its panel. */
export const cappedList = (names: readonly string[], max: number): { shown: readonly string[]; more: number } =>
  names.length <= max ? { shown: names, more: 0 } : { shown: names.slice(0, max - 1), more: names.length - (max - 1) };

/** A choropleth class edge as the legend prints it: a rate in whole percent, a count with at most one decimal. */
export const kpiValueText = (metric: Exclude<ChoroplethMetric, 'none'>, value: number): string =>
  metric === 'overdueRate' ? `${Math.round(value * 100)}%` : String(Math.round(value * 10) / 10);
