import type { LineLayerSpecification } from 'maplibre-gl';
import { PALETTE } from '../style/palette';
import { shapeSource } from '../regions/regionSources';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

// The county boundary is the frame of the whole screen: a soft glow under a bright line, so it reads
// from across the room on a video wall and stays above every finer outline.

export const countyGlow: LineLayerSpecification = {
  id: 'county-glow',
  type: 'line',
  source: shapeSource('county'),
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': PALETTE.countyGlow,
    'line-opacity': 0.35,
    'line-width': ['interpolate', ['linear'], ['zoom'], 8, 8, 14, 16],
    'line-blur': ['interpolate', ['linear'], ['zoom'], 8, 5, 14, 10],
  },
};

export const countyLine: LineLayerSpecification = {
  id: 'county-line',
  type: 'line',
  source: shapeSource('county'),
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': PALETTE.countyLine,
    'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2.5, 14, 4],
  },
};

/** Above every finer outline, the scope's included. */
export const countyOutline = {
  id: 'countyOutline',
  styleLayers: { outline: [countyGlow, countyLine] },
  sources: {},
} satisfies MapLayerDescriptor;
