import type { FillLayerSpecification, LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { LABEL_FONT_REGULAR } from '../labelFonts';
import { PALETTE } from '../palette';
import { shapeSource } from '../../regions/regionSources';
import { regionLabelLayer } from './regionLabelLayer';

// Communities (社区): the urban residents' committees. Drawn at every zoom, since the county view is
// where a leader first sees which communities there are; named once the view is close enough.

export const communityFill: FillLayerSpecification = {
  id: 'community-fill',
  type: 'fill',
  source: shapeSource('community'),
  paint: {
    'fill-color': PALETTE.communityFill,
    // Strong while the communities are small specks in the county view, calmer once they fill the screen.
    'fill-opacity': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 13, 0.5],
  },
};

export const communityLine: LineLayerSpecification = {
  id: 'community-line',
  type: 'line',
  source: shapeSource('community'),
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': PALETTE.communityLine,
    'line-opacity': ['interpolate', ['linear'], ['zoom'], 9, 0.7, 12, 0.9],
    'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 14, 1.6],
  },
};

export const communityLabel: SymbolLayerSpecification = regionLabelLayer({
  id: 'community-label',
  level: 'community',
  font: LABEL_FONT_REGULAR,
  color: PALETTE.communityText,
  sizeByZoom: [
    [10.5, 12],
    [13, 16],
    [15, 19],
  ],
  minzoom: 10.5,
  maxzoom: 16,
});
