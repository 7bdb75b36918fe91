import type { FillLayerSpecification, LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { LABEL_FONT_BOLD } from '../labelFonts';
import { PALETTE } from '../palette';
import { shapeSource } from '../../regions/regionSources';
import { regionLabelLayer } from './regionLabelLayer';

// Streets and townships (街道/镇): the county's first division, shaded in a few close tones by code so
// that neighbours can be told apart before any data colours them.

const [tone0, tone1, tone2, tone3] = PALETTE.streetFills;

export const streetFill: FillLayerSpecification = {
  id: 'street-fill',
  type: 'fill',
  source: shapeSource('street'),
  paint: {
    'fill-color': [
      'match',
      ['%', ['to-number', ['slice', ['get', 'code'], 6], 0], 4],
      0,
      tone0,
      1,
      tone1,
      2,
      tone2,
      tone3,
    ],
  },
};

export const streetLine: LineLayerSpecification = {
  id: 'street-line',
  type: 'line',
  source: shapeSource('street'),
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': PALETTE.streetLine,
    'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 14, 2.5],
  },
};

export const streetLabel: SymbolLayerSpecification = regionLabelLayer({
  id: 'street-label',
  level: 'street',
  font: LABEL_FONT_BOLD,
  color: PALETTE.streetText,
  sizeByZoom: [
    [8, 13],
    [10, 17],
    [13, 22],
  ],
  maxzoom: 13.5,
});
