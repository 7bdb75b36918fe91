import type { SymbolLayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { MAP_LAYERS } from '../../../client/map/layers/index';
import { MAP_LEGEND } from '../../../client/map/style/mapLegend';
import { stationStatusColour } from '../../../client/panels/stationStatusColour';
import { STATION_STATUSES } from '../../../shared/domain/station';

/** The colour the map paints a station of `status` in: the station layer's `icon-color` match expression. */
const mapColourOf = (status: string): unknown => {
  const layer = MAP_LAYERS.find((candidate) => candidate.id === 'station-markers') as SymbolLayerSpecification;
  const expression = layer.paint?.['icon-color'] as unknown[];
  expect(expression[0]).toBe('match');
  const arms = expression.slice(2, -1);
  const at = arms.findIndex((value, index) => index % 2 === 0 && value === status);
  expect(at, `the map has an arm for ${status}`).toBeGreaterThanOrEqual(0);
  return arms[at + 1];
};

describe('one palette for station statuses on the map, in its legend and in the 阵地运行 panel', () => {
  it.each(STATION_STATUSES)('paints a %s station in the panel with the very colour the map uses', (status) => {
    expect(stationStatusColour(status)).toBe(mapColourOf(status));
  });

  it.each(STATION_STATUSES)('explains %s in the legend with the map’s colour', (status) => {
    expect(MAP_LEGEND.stationStatuses.find((swatch) => swatch.key === status)?.colour).toBe(mapColourOf(status));
  });
});
