import type { FillLayerSpecification, LineLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { LABEL_FONT_REGULAR } from '../labelFonts';
import { PALETTE } from '../palette';
import { shapeSource } from '../../regions/regionSources';
import { regionLabelLayer } from './regionLabelLayer';

// The neighbouring Fuzhou districts: dimmed, so the eye stays on the county but knows where it sits.

export const contextFill: FillLayerSpecification = {
  id: 'context-fill',
  type: 'fill',
  source: shapeSource('context'),
  paint: { 'fill-color': PALETTE.contextFill },
};

export const contextLine: LineLayerSpecification = {
  id: 'context-line',
  type: 'line',
  source: shapeSource('context'),
  layout: { 'line-join': 'round' },
  paint: { 'line-color': PALETTE.contextLine, 'line-width': 1 },
};

export const contextLabel: SymbolLayerSpecification = regionLabelLayer({
  id: 'context-label',
  level: 'context',
  font: LABEL_FONT_REGULAR,
  color: PALETTE.contextText,
  sizeByZoom: [
    [8, 13],
    [11, 16],
  ],
  maxzoom: 12,
});
