import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { MapLevel } from '../../../api/fetchRegions';
import { PALETTE } from '../palette';
import { labelSource } from '../../regions/regionSources';

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

/**
 * The smallest a region's name is ever drawn, in CSS px at 1080p (screenScale doubles it on 4K and
 * 8K walls, like every pixel size): 14 px is what reads from five metres, and the county level's
 * labels — the streets, the first thing the wall shows — are larger still. Issue 15 measured grid
 * and compound names at 11 px.
 */
export const MIN_REGION_LABEL_PX: Readonly<Record<MapLevel, number>> = {
  county: 20,
  street: 18,
  community: 16,
  compound: 14,
  grid: 14,
  context: 14,
};

/** Size stops with none below the level's minimum. */
export const regionLabelSizes = (level: MapLevel, stops: RegionLabelOptions['sizeByZoom']): [number, number][] =>
  stops.map(([zoom, px]) => [zoom, Math.max(px, MIN_REGION_LABEL_PX[level])]);

const interpolateByZoom = (level: MapLevel, stops: RegionLabelOptions['sizeByZoom']): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  ...regionLabelSizes(level, stops).flat(),
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
    'text-size': interpolateByZoom(options.level, options.sizeByZoom),
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
