import type { MapLibreMap } from 'maplibre-gl';
import type { AnimationTarget, LiveInput, LiveLayer } from './liveLayer';
import { MapLayerTarget, type BindingStats } from './MapLayerTarget';
import { isPixelProperty, mapScaleOf, scaleValue } from '../style/screenScale';

export type { BindingStats } from './MapLayerTarget';

const sameDependencies = (a: readonly unknown[] | undefined, b: readonly unknown[]): boolean =>
  a !== undefined && a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * Binds the live layers to one map. Each apply runs only the layers that are visible and whose
 * dependencies changed; the target diffs their output against what the map already holds, so a
 * tick with one new incident sends one feature to the sources it belongs to and nothing else.
 */
export class LiveBinding {
  readonly #target: MapLayerTarget;
  readonly #applied = new Map<LiveLayer, readonly unknown[]>();
  readonly #shown = new Map<string, boolean>();
  readonly #visible = new Set<LiveLayer>();
  readonly #paint = new Map<string, number>();
  readonly #animation: AnimationTarget;

  constructor(
    private readonly map: MapLibreMap,
    private readonly layers: readonly LiveLayer[],
  ) {
    this.#target = new MapLayerTarget(map);
    const scale = mapScaleOf(map);
    this.#animation = {
      // Animated sizes (a pulse's radius) are CSS pixels at 1080p, like the style's own.
      setPaint: (layerId, property, value) => {
        // Every setPaintProperty repaints the map, even with the value it holds: send changes only.
        const key = `${layerId}|${property}`;
        if (this.#paint.get(key) === value) return;
        this.#paint.set(key, value);
        map.setPaintProperty(layerId, property, scaleValue(value, isPixelProperty(property), scale) as typeof value);
      },
      setFeatureProgress: (source, id, progress) => map.setFeatureState({ source, id }, { progress }),
    };
  }

  get stats(): Readonly<BindingStats> {
    return this.#target.stats;
  }

  /** Applies what changed; returns whether any layer may now animate. */
  apply(input: LiveInput): boolean {
    for (const layer of this.layers) {
      const on = layer.visible(input);
      this.#show(layer, on, input);
      if (!on) {
        this.#visible.delete(layer);
        // Forgotten while hidden, so it is brought up to date the moment it is shown again.
        this.#applied.delete(layer);
        continue;
      }
      this.#visible.add(layer);
      const dependencies = layer.dependencies(input);
      if (sameDependencies(this.#applied.get(layer), dependencies)) continue;
      layer.apply(this.#target, input);
      this.#applied.set(layer, dependencies);
    }
    return this.layers.some((layer) => layer.animate && this.#visible.has(layer));
  }

  /** One animation frame at server time `frameNow`; returns whether anything is still moving. */
  animate(frameNow: number): boolean {
    let moving = false;
    for (const layer of this.#visible) if (layer.animate?.(this.#animation, frameNow)) moving = true;
    return moving;
  }

  /** A still frame of everything that would move, for a renderer too slow to animate. */
  hold(): void {
    for (const layer of this.#visible) layer.hold?.(this.#animation);
  }

  /** Forgets everything sent, after the style was rebuilt (WebGL context restored): the next apply resends all. */
  reset(): void {
    this.#target.forget();
    this.#applied.clear();
    this.#shown.clear();
    this.#paint.clear();
  }

  #show(layer: LiveLayer, on: boolean, input: LiveInput): void {
    for (const id of layer.layerIds) {
      const shown = on && (layer.layerShown?.(id, input) ?? true);
      if (this.#shown.get(id) === shown || !this.map.getLayer(id)) continue;
      this.map.setLayoutProperty(id, 'visibility', shown ? 'visible' : 'none');
      this.#shown.set(id, shown);
    }
  }
}
