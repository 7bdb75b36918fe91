import type { GeoJSONSource, MapLibreMap } from 'maplibre-gl';
import { levelOfCode } from '../../../shared/domain/region';
import { diffFeatures, type LiveFeature } from './diffFeatures';
import { diffStates } from './diffStates';
import type { LayerTarget, RegionStateKey } from './liveLayer';
import { shapeSource } from '../regions/regionSources';

/** Counts of what crossed to MapLibre, for tests and diagnostics. */
export interface BindingStats {
  fullUploads: number;
  diffUploads: number;
  featureStateWrites: number;
}

type StateValue = number | boolean;

/** The feature-state address of a region: its level's polygon source, and its code as the promoted id. */
const regionFeature = (code: string) => {
  const level = levelOfCode(code);
  return level ? { source: shapeSource(level), id: code } : null;
};

/**
 * The live layers' view of a real map. It remembers what each live source and each region state key
 * holds, and sends MapLibre only the difference: an `updateData` diff, or the feature-states that moved.
 */
export class MapLayerTarget implements LayerTarget {
  readonly stats: BindingStats = { fullUploads: 0, diffUploads: 0, featureStateWrites: 0 };
  readonly #features = new Map<string, Map<string, LiveFeature>>();
  readonly #states = new Map<RegionStateKey, Map<string, StateValue>>();

  constructor(private readonly map: MapLibreMap) {}

  setFeatures(sourceId: string, next: readonly LiveFeature[]): void {
    const source = this.map.getSource<GeoJSONSource>(sourceId);
    if (!source) return;
    const previous = this.#features.get(sourceId);
    // Nothing known of this source (first fill, or a rebuilt style): replace its data outright.
    if (!previous) {
      this.#features.set(sourceId, new Map(next.map((feature) => [feature.properties.id, feature])));
      this.stats.fullUploads += 1;
      source.setData({ type: 'FeatureCollection', features: [...next] }).catch((error: unknown) => console.error(`${sourceId}: setData failed`, error));
      return;
    }
    const { diff, current } = diffFeatures(previous, next);
    this.#features.set(sourceId, current);
    if (!diff) return;
    this.stats.diffUploads += 1;
    source.updateData(diff).catch((error: unknown) => console.error(`${sourceId}: updateData failed`, error));
  }

  setRegionStates(key: RegionStateKey, next: ReadonlyMap<string, StateValue>): void {
    const { set, removed } = diffStates(this.#states.get(key) ?? new Map<string, StateValue>(), next);
    this.#states.set(key, new Map(next));
    for (const [code, value] of set) {
      const feature = regionFeature(code);
      if (feature) this.map.setFeatureState(feature, { [key]: value });
    }
    for (const code of removed) {
      const feature = regionFeature(code);
      if (feature) this.map.removeFeatureState(feature, key);
    }
    this.stats.featureStateWrites += set.length + removed.length;
  }

  /** Forgets what was sent: after the style was rebuilt, the sources and feature-states start empty. */
  forget(): void {
    this.#features.clear();
    this.#states.clear();
  }
}
