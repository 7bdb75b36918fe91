import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { MapLevel } from '../../api/fetchRegions';
import { PALETTE } from '../palette';
import { labelSource } from '../regionSources';

export interface RegionLabelOptions {
  id: string;
  level: MapLevel;
  font: string[];
  color: string;
  /** Text size by zoom, as [zoom, px] stops; sizes are CSS px and scale with the pixel ratio. */
  sizeByZoom: readonly (readonly [number, number])[];
  minzoom?: number;
  maxzoom?: number;
}

const interpolateByZoom = (stops: RegionLabelOptions['sizeByZoom']): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  ...stops.flat(),
];

/** The region's Chinese name at its label point, with a dark halo so it reads over any fill. */
export const regionLabelLayer = (options: RegionLabelOptions): SymbolLayerSpecification => ({
  id: options.id,
  type: 'symbol',
  source: labelSource(options.level),
  ...(options.minzoom === undefined ? {} : { minzoom: options.minzoom }),
  ...(options.maxzoom === undefined ? {} : { maxzoom: options.maxzoom }),
  layout: {
    'text-field': ['get', 'name'],
    'text-font': options.font,
    'text-size': interpolateByZoom(options.sizeByZoom),
    'text-max-width': 8,
    'text-padding': 4,
  },
  paint: {
    'text-color': options.color,
    'text-halo-color': PALETTE.textHalo,
    'text-halo-width': 1.6,
    'text-halo-blur': 0.4,
  },
});
