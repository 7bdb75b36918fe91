import type { FillLayerSpecification, LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { LABEL_FONT_REGULAR } from '../labelFonts';
import { PALETTE } from '../palette';
import { shapeSource } from '../../regions/regionSources';
import { regionLabelLayer } from './regionLabelLayer';

// Compounds (小区): residential estates, small enough to be noise at county zoom, so they fade in
// once a street fills the screen.

export const compoundFill: FillLayerSpecification = {
  id: 'compound-fill',
  type: 'fill',
  source: shapeSource('compound'),
  minzoom: 11.5,
  paint: {
    'fill-color': PALETTE.compoundFill,
    'fill-opacity': ['interpolate', ['linear'], ['zoom'], 11.5, 0, 12.5, 0.45],
  },
};

export const compoundLine: LineLayerSpecification = {
  id: 'compound-line',
  type: 'line',
  source: shapeSource('compound'),
  minzoom: 11.5,
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': PALETTE.compoundLine,
    'line-opacity': ['interpolate', ['linear'], ['zoom'], 11.5, 0, 12.5, 0.8],
    'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.6, 16, 1.5],
  },
};

export const compoundLabel: SymbolLayerSpecification = regionLabelLayer({
  id: 'compound-label',
  level: 'compound',
  font: LABEL_FONT_REGULAR,
  color: PALETTE.compoundText,
  sizeByZoom: [
    [13.5, 11],
    [16, 14],
    [18, 16],
  ],
  minzoom: 13.5,
});
