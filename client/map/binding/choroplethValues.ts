import type { RegionLevel } from '../../../shared/domain/region';
import type { ChoroplethMetric } from './mapInput';
import type { RegionIndex } from '../regions/regionIndex';
import type { RegionFigures } from './regionFigures';

/** The levels a choropleth colours: the ones small enough for a rate to mean something local. */
export const CHOROPLETH_LEVELS: readonly RegionLevel[] = ['community', 'compound', 'grid'];

export interface ChoroplethScale {
  /** Chinese name for the legend. */
  label: string;
  /** The raw value drawn with the hottest colour; anything above is drawn the same. */
  fullScale: number;
  unit: string;
}

/**
 * Full-scale values, chosen from the sample county at its simulated pace: a compound with 10 open
 * incidents per 1,000 households is a hot spot; half of the open ones overdue is an emergency.
 */
export const CHOROPLETH_SCALES: Readonly<Record<Exclude<ChoroplethMetric, 'none'>, ChoroplethScale>> = {
  openPerThousandHouseholds: { label: '每千户在办事件', fullScale: 10, unit: '件/千户' },
  overdueRate: { label: '超期率', fullScale: 0.5, unit: '' },
};

const rawValue = (metric: Exclude<ChoroplethMetric, 'none'>, figures: RegionFigures | undefined, households: number) => {
  const open = figures?.open ?? 0;
  if (metric === 'openPerThousandHouseholds') return households > 0 ? (open / households) * 1000 : null;
  return open > 0 ? (figures?.overdue ?? 0) / open : 0;
};

/**
 * The metric of every region of the choropleth levels, scaled to 0..1 of its full scale (clamped), as
 * the fill's feature-state reads it. A region without a meaningful value (no households) is left out,
 * so it keeps its plain fill rather than being drawn as a calm zero.
 */
export const choroplethValues = (
  metric: ChoroplethMetric,
  figures: ReadonlyMap<string, RegionFigures>,
  index: RegionIndex,
): Map<string, number> => {
  const values = new Map<string, number>();
  if (metric === 'none') return values;
  const { fullScale } = CHOROPLETH_SCALES[metric];
  for (const level of CHOROPLETH_LEVELS) {
    for (const region of index.atLevel(level)) {
      const value = rawValue(metric, figures.get(region.code), region.households);
      if (value !== null) values.set(region.code, Math.min(1, value / fullScale));
    }
  }
  return values;
};
