import type { BackgroundLayerSpecification } from 'maplibre-gl';
import { PALETTE } from '../style/palette';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

/** The ground under everything: there are no base-map tiles, only our own polygons on it. */
export const background: BackgroundLayerSpecification = {
  id: 'background',
  type: 'background',
  paint: { 'background-color': PALETTE.ground },
};

export const backgroundLayer = {
  id: 'background',
  styleLayers: { base: [background] },
  sources: {},
} satisfies MapLayerDescriptor;
