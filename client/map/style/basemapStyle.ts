import type { ExpressionSpecification, FilterSpecification, LayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { LABEL_FONT_REGULAR } from './labelFonts';

/** The vector basemap's source id; every basemap style layer starts with BASEMAP_LAYER_PREFIX. */
export const BASEMAP_SOURCE = 'basemap';
export const BASEMAP_LAYER_PREFIX = 'basemap-';

/**
 * A dark OpenMapTiles-schema basemap (the schema tilemaker and planetiler write by default), dimmed
 * far below the wall's own colours so the regions and live data stay what the eye sees first. Every
 * colour is opaque: a shifted tile may carry a feature twice where source tiles overlap (see
 * engine/shiftedTiles.ts), and an opaque twin cannot show.
 *
 * Boundaries are never drawn: OpenStreetMap's national and provincial lines are not the approved
 * ones a public map display in China must use (README "Offline basemap"), and the county's own
 * divisions come from our region layers anyway.
 */
const COLOURS = {
  landuse: '#0d1c31',
  water: '#0f3656',
  waterway: '#2068a0',
  // Roads in muted sand and grey, not the blues of the region outlines: at county zoom a road and a
  // street boundary are both thin lines, and only their colour tells them apart from 5 m.
  minor: '#323a46',
  secondary: '#5d6068',
  primary: '#857a69',
  motorway: '#a38b63',
  rail: '#464b55',
  roadText: '#a09a8e',
  placeText: '#a3b8d4',
  waterText: '#5e98c8',
  halo: '#050d1a',
} as const;

const byZoom = (...stops: number[]): ExpressionSpecification => ['interpolate', ['exponential', 1.5], ['zoom'], ...stops];

const classIn = (...classes: string[]): FilterSpecification => ['match', ['get', 'class'], classes, true, false];

const road = (id: string, classes: string[], color: string, width: ExpressionSpecification, minzoom = 0, dashes?: number[]): LineLayerSpecification => ({
  id: `${BASEMAP_LAYER_PREFIX}${id}`,
  type: 'line',
  source: BASEMAP_SOURCE,
  'source-layer': 'transportation',
  minzoom,
  filter: classIn(...classes),
  layout: { 'line-join': 'round', 'line-cap': 'round' },
  paint: { 'line-color': color, 'line-width': width, ...(dashes ? { 'line-dasharray': dashes } : {}) },
});

const label = (id: string, sourceLayer: string, extra: Partial<LayerSpecification> & { layout: Record<string, unknown>; paint: Record<string, unknown> }): LayerSpecification =>
  ({
    id: `${BASEMAP_LAYER_PREFIX}${id}`,
    type: 'symbol',
    source: BASEMAP_SOURCE,
    'source-layer': sourceLayer,
    ...extra,
    layout: { 'text-field': ['coalesce', ['get', 'name:zh'], ['get', 'name']], 'text-font': LABEL_FONT_REGULAR, ...extra.layout },
    paint: { 'text-halo-color': COLOURS.halo, 'text-halo-width': 1.5, ...extra.paint },
  }) as LayerSpecification;

export const basemapLayers = (): LayerSpecification[] => [
  {
    id: `${BASEMAP_LAYER_PREFIX}landuse`,
    type: 'fill',
    source: BASEMAP_SOURCE,
    'source-layer': 'landuse',
    filter: classIn('residential', 'commercial', 'industrial', 'retail'),
    paint: { 'fill-color': COLOURS.landuse },
  },
  { id: `${BASEMAP_LAYER_PREFIX}water`, type: 'fill', source: BASEMAP_SOURCE, 'source-layer': 'water', paint: { 'fill-color': COLOURS.water } },
  {
    id: `${BASEMAP_LAYER_PREFIX}waterway`,
    type: 'line',
    source: BASEMAP_SOURCE,
    'source-layer': 'waterway',
    // Zoom must be the outermost input (a MapLibre rule); the class picks the width at each stop.
    paint: {
      'line-color': COLOURS.waterway,
      'line-width': ['interpolate', ['exponential', 1.5], ['zoom'], 8, ['match', ['get', 'class'], 'river', 1.5, 0.3], 14, ['match', ['get', 'class'], 'river', 8, 2]],
    },
  },
  road('minor', ['minor', 'service', 'track', 'path'], COLOURS.minor, byZoom(12, 0.6, 16, 4), 12),
  road('secondary', ['secondary', 'tertiary'], COLOURS.secondary, byZoom(8, 0.8, 11, 1.4, 16, 7), 8),
  road('primary', ['primary', 'trunk'], COLOURS.primary, byZoom(7, 1, 11, 2, 16, 9)),
  road('motorway', ['motorway'], COLOURS.motorway, byZoom(6, 1.2, 11, 2.6, 16, 11)),
  road('rail', ['rail', 'transit'], COLOURS.rail, byZoom(9, 0.6, 16, 2.5), 9, [3, 3]),
  label('water-label', 'water_name', {
    minzoom: 10,
    layout: { 'text-size': 12, 'symbol-placement': 'point' },
    paint: { 'text-color': COLOURS.waterText },
  }),
  label('waterway-label', 'waterway', {
    minzoom: 11,
    filter: classIn('river'),
    layout: { 'text-size': 12, 'symbol-placement': 'line', 'symbol-spacing': 400 },
    paint: { 'text-color': COLOURS.waterText },
  }),
  label('road-label', 'transportation_name', {
    minzoom: 11,
    filter: classIn('motorway', 'trunk', 'primary', 'secondary', 'tertiary'),
    layout: { 'text-size': 11, 'symbol-placement': 'line', 'symbol-spacing': 350 },
    paint: { 'text-color': COLOURS.roadText },
  }),
  label('place-label', 'place', {
    filter: classIn('city', 'town', 'village', 'suburb', 'hamlet'),
    layout: { 'text-size': ['match', ['get', 'class'], 'city', 16, 'town', 13, 11], 'text-padding': 6 },
    paint: { 'text-color': COLOURS.placeText },
  }),
];

/** A raster basemap (an intranet service): inverted, dimmed and desaturated into the wall's navy. */
export const rasterBasemapLayer = (): LayerSpecification => ({
  id: `${BASEMAP_LAYER_PREFIX}raster`,
  type: 'raster',
  source: BASEMAP_SOURCE,
  // brightness-min above brightness-max inverts: a light service's white land turns navy, its roads light.
  paint: { 'raster-brightness-min': 0.3, 'raster-brightness-max': 0.02, 'raster-saturation': -0.5, 'raster-hue-rotate': 180 },
});
