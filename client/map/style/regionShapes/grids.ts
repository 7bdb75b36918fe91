import type { FillLayerSpecification, LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { LABEL_FONT_REGULAR } from '../labelFonts';
import { PALETTE } from '../palette';
import { shapeSource } from '../../regions/regionSources';
import { regionLabelLayer } from './regionLabelLayer';

// Grids (网格): the finest unit, a grid worker's patrol area. Only meaningful close up; the fill is
// invisible for now and is there for choropleths driven by feature-state.

export const gridFill: FillLayerSpecification = {
  id: 'grid-fill',
  type: 'fill',
  source: shapeSource('grid'),
  minzoom: 13,
  paint: { 'fill-color': PALETTE.gridLine, 'fill-opacity': 0 },
};

export const gridLine: LineLayerSpecification = {
  id: 'grid-line',
  type: 'line',
  source: shapeSource('grid'),
  minzoom: 13,
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': PALETTE.gridLine,
    'line-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0, 14, 0.5],
    'line-width': 0.8,
    'line-dasharray': [3, 2],
  },
};

export const gridLabel: SymbolLayerSpecification = regionLabelLayer({
  id: 'grid-label',
  level: 'grid',
  font: LABEL_FONT_REGULAR,
  color: PALETTE.gridText,
  sizeByZoom: [
    [15, 11],
    [18, 14],
  ],
  minzoom: 15,
});
