import type { BackgroundLayerSpecification } from 'maplibre-gl';
import { PALETTE } from '../palette';

/** The ground under everything: there are no base-map tiles, only our own polygons on it. */
export const background: BackgroundLayerSpecification = {
  id: 'background',
  type: 'background',
  paint: { 'background-color': PALETTE.ground },
};
