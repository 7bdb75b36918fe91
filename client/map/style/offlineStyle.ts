import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { LIVE_SOURCE_IDS, LIVE_SOURCE_OPTIONS, MAP_LAYERS } from '../layers/index';
import { emptyLiveSource } from '../binding/liveSources';
import { MAP_LEVELS, emptyRegionSource, labelSource, shapeSource } from '../regions/regionSources';
import { NO_SCALE, scaleLayer, type ScreenScale } from './screenScale';

/**
 * The map style, built in code so that nothing in it can point elsewhere: the screen runs on an
 * isolated network and may only ever talk to its own server.
 *
 * - No tiles: every shape is a GeoJSON source whose data the app pushes in from our own API.
 * - No `sprite`: station icons are drawn in code and added with `map.addImage` (see stationIcons.ts).
 * - No `glyphs`: without a glyphs URL, MapLibre (since 5.11) draws every label glyph itself with
 *   TinySDF from the fonts installed on the machine, named by each layer's `text-font`
 *   (see labelFonts.ts). So Chinese labels need no PBF ranges and no font download at all.
 * - Sizes follow the screen: a 4K wall gets every pixel size doubled (see screenScale.ts).
 */
export const offlineStyle = (scale: ScreenScale = NO_SCALE): StyleSpecification => {
  const sources: Record<string, SourceSpecification> = {};
  for (const level of MAP_LEVELS) {
    sources[shapeSource(level)] = emptyRegionSource();
    sources[labelSource(level)] = emptyRegionSource();
  }
  for (const id of LIVE_SOURCE_IDS) sources[id] = { ...emptyLiveSource(), ...LIVE_SOURCE_OPTIONS[id] };
  return {
    version: 8,
    name: 'Jinlin command centre (offline)',
    sources,
    layers: MAP_LAYERS.map((layer) => scaleLayer(layer, scale)),
  };
};
