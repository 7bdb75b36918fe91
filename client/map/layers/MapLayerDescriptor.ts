import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { TourLayer } from '../../../shared/contract/demo';
import type { LiveLayer } from '../binding/liveLayer';

/**
 * Where a style layer is drawn. Bands go bottom to top in this order; inside a band, layers follow
 * the registry (layers/index.ts). Region fills, then what colours them (choropleth, circles, the dim
 * outside the scope), outlines, heat, markers, and labels last (MapLibre places the top layer first).
 */
export const DRAW_BANDS = ['base', 'fill', 'tint', 'outline', 'heat', 'marker', 'label'] as const;
export type DrawBand = (typeof DRAW_BANDS)[number];

/** The switch a layer answers to: the tour's layer names (shared/contract/demo.ts TOUR_LAYERS). */
export interface LayerToggle {
  id: TourLayer;
  /** Whether a wall shows it without being told (a tour stop that names no layers keeps these). */
  defaultVisible: boolean;
  /** The legend line that says what the layer shows (an i18n key under `legend.layers`). */
  legend: TourLayer;
  /** The colours its legend line shows (a ramp is drawn as a gradient), the ones its paint uses. */
  swatch: readonly string[];
}

/** One map layer, declared once: everything the style, the toggles, the legend and the tour derive from. */
export interface MapLayerDescriptor {
  /** Unique among descriptors (the file's name). */
  id: string;
  /** Its own switch; absent for layers always drawn (regions, scope, alarms) or following another's (`follows`). */
  toggle?: LayerToggle;
  /** Shown and hidden with another layer's switch (the pulses go with the incident markers). */
  follows?: TourLayer;
  /** Its MapLibre style layers, by the band they are drawn in. */
  styleLayers: Partial<Record<DrawBand, readonly LayerSpecification[]>>;
  /** The live GeoJSON sources it fills, by name (created empty in the offline style). */
  sources: Readonly<Record<string, string>>;
  /** Options of its sources beyond an empty live source's, by source id (clustering). */
  sourceOptions?: Readonly<Record<string, Partial<GeoJSONSourceSpecification>>>;
  /** A fresh controller for one map, for layers that draw live data. */
  create?: () => LiveLayer;
}
