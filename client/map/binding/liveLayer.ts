import type { MapLibreMap } from 'maplibre-gl';
import type { AlarmNotice } from '../../../shared/contract/alarms';
import type { HeatTuple } from '../../../shared/contract/heat';
import type { LiveFeature } from './diffFeatures';
import { HEAT_WINDOW_MS, type ChoroplethMetric, type LayerVisibility, type MapData, type MapEntities, type MapOptions } from './mapInput';
import type { RegionIndex } from '../regions/regionIndex';

/** Everything any live layer reads: plain values, so layers never depend on the store's shape. */
export interface LiveInput {
  entities: MapEntities;
  /** Bumped by the data owner whenever the entity Maps changed in place. */
  version: number;
  /** Server time of this update, epoch ms. */
  now: number;
  scope: string;
  heatWindowMs: number;
  /** Server heat points replacing the entities' for a long window (MapOptions.heatPoints); null = none. */
  heatPoints: readonly HeatTuple[] | null;
  choropleth: ChoroplethMetric;
  visibility: LayerVisibility;
  /** The active alarms, wherever they are (the feed is by token scope, not by the region shown). */
  alarms: readonly AlarmNotice[] | null;
  regions: RegionIndex;
}

/** The live input at `now`: the data and options as given, the scope defaulting to the whole county. */
export const liveInputOf = (data: MapData, options: MapOptions, scope: string | null, regions: RegionIndex, now: number): LiveInput => ({
  entities: data.entities,
  version: data.version,
  now,
  scope: scope ?? regions.countyCode,
  heatWindowMs: HEAT_WINDOW_MS[options.heatWindow],
  heatPoints: options.heatPoints ?? null,
  choropleth: options.choropleth,
  visibility: options.visibility,
  alarms: options.alarms,
  regions,
});

/** A feature-state key on the regions of one level (whose polygons live in that level's source). */
export type RegionStateKey = 'selected' | 'outside' | 'metric' | 'underserved';

/**
 * The map as a live layer sees it when it applies new input. The binding behind it diffs against what
 * it sent last, so a layer simply states the whole of what it wants.
 */
export interface LayerTarget {
  /** Makes the live source hold exactly these features (sent as an `updateData` diff). */
  setFeatures(sourceId: string, features: readonly LiveFeature[]): void;
  /** Makes `key` hold exactly these values on the regions (by code), removing it from all others. */
  setRegionStates(key: RegionStateKey, values: ReadonlyMap<string, number | boolean>): void;
}

export type PaintProperty = Parameters<MapLibreMap['setPaintProperty']>[1];

/** The map as an animation step sees it: cheap, per-frame changes only. */
export interface AnimationTarget {
  /** A paint property with a constant value: no re-tiling, only a repaint. */
  setPaint(layerId: string, property: PaintProperty, value: number): void;
  /** A per-feature animation value on a live source (drives data-driven paint through feature-state). */
  setFeatureProgress(sourceId: string, id: string, progress: number): void;
}

/**
 * One live layer: its style layers (placed by layers/index.ts), which inputs it depends on, how it
 * applies them, and, if it moves, one animation step per frame.
 */
export interface LiveLayer {
  readonly name: string;
  /** Ids of its style layers, for visibility toggles and tests. */
  readonly layerIds: readonly string[];
  /** Whether the screen wants it drawn; a hidden layer is neither applied nor animated. */
  visible(input: LiveInput): boolean;
  /** The values its output depends on; `apply` runs only when one of them changed (by identity). */
  dependencies(input: LiveInput): readonly unknown[];
  apply(target: LayerTarget, input: LiveInput): void;
  /** Draws one frame at (extrapolated) server time `frameNow`; returns whether it still has anything moving. */
  animate?(target: AnimationTarget, frameNow: number): boolean;
  /**
   * Draws a still frame instead, for a renderer too slow to animate (see renderBudget.ts): what moves
   * must still show. Called again after every apply, so it must send only what it has not held yet.
   */
  hold?(target: AnimationTarget): void;
  /**
   * Of a visible live layer, whether one of its style layers has anything to draw now. A style layer
   * whose every feature is transparent still costs a full pass over its polygons on the GPU.
   */
  layerShown?(layerId: string, input: LiveInput): boolean;
}
