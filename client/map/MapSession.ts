import type { MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { STATION_TYPES } from '../../shared/domain/station';
import { createAnimationLoop, type AnimationLoop } from './animationLoop';
import { watchContext } from './contextRecovery';
import { DRILL_LAYERS, drillTarget, type RegionHit } from './drillTarget';
import { createLiveLayers } from './layers/index';
import { LiveBinding, type BindingStats } from './LiveBinding';
import type { LiveInput } from './liveLayer';
import { LIVE_SOURCES } from './liveSources';
import { mapScaleOf } from './screenScale';
import { showRegions, type RegionsByLevel, type SavedCamera } from './showRegions';
import { stationIconId, stationIconImage } from './stationIcons';

/** From 30 fps down to 1 fps when the renderer cannot keep up (see animationLoop.ts). */
const FRAME_PACING = { minIntervalMs: 33, maxIntervalMs: 1000 };
/** However slowly the map draws, live data is at most this old on screen. */
const MAX_DEFER_MS = 2000;
const LIVE_SOURCE_IDS = Object.values(LIVE_SOURCES);

export interface SessionHooks {
  /** The live input as of now, or null while there is nothing to draw yet. */
  input(): LiveInput | null;
  /** Server time for an animation frame. */
  now(): number;
  /** A click landed on a region the screen should drill into. */
  drill(code: string): void;
  /** The WebGL context is gone for good: the map must be rebuilt. */
  unrecoverable(reason: string): void;
  /** How long the browser gets to give a lost context back before the map is rebuilt. */
  restoreTimeoutMs(): number;
}

const ICON_TYPES = new Map(STATION_TYPES.map((type) => [stationIconId(type), type]));

/** Station icons are generated when the style first asks for them, and again after a style rebuild. */
const resolveStationIcon = (map: MapLibreMap) => (id: string) => {
  const type = ICON_TYPES.get(id);
  if (type && !map.hasImage(id)) map.addImage(id, stationIconImage(type), { sdf: true });
};

/** One map instance with its live layers, animation and context watch; a rebuild opens a new one. */
export class MapSession {
  readonly #binding: LiveBinding;
  readonly #loop: AnimationLoop;
  readonly #stopWatching: () => void;
  #suspended = false;
  #lastApplyMs = -Infinity;

  /** Fills a freshly created map with the regions and brings it to life; on failure the map is removed. */
  static async open(map: MapLibreMap, regions: RegionsByLevel, hooks: SessionHooks, camera?: SavedCamera): Promise<MapSession> {
    map.setMissingStyleImageResolver(resolveStationIcon(map));
    const loaded = map.once('load');
    try {
      await loaded;
      await showRegions(map, regions, camera);
    } catch (error) {
      map.remove();
      throw error;
    }
    return new MapSession(map, hooks);
  }

  private constructor(
    readonly map: MapLibreMap,
    private readonly hooks: SessionHooks,
  ) {
    this.#binding = new LiveBinding(map, createLiveLayers());
    this.#loop = createAnimationLoop(() => !this.#suspended && this.#binding.animate(hooks.now()), FRAME_PACING);
    map.on('click', this.#onClick);
    this.#stopWatching = watchContext(
      map,
      { onLost: () => this.#suspend(), onRestored: () => this.#resume(), onUnrecoverable: (reason) => hooks.unrecoverable(reason) },
      () => hooks.restoreTimeoutMs(),
    );
  }

  get stats(): Readonly<BindingStats> {
    return this.#binding.stats;
  }

  /**
   * Applies the current input (skipped while the context is lost). Returns false when it held back
   * because the map is still cutting tiles for the last update: a slow renderer (a software GPU, an
   * 8K wall) then gets updates as fast as it can draw them, not a queue it never catches up with.
   */
  update(force = false): boolean {
    const input = this.hooks.input();
    if (this.#suspended || !input) return true;
    const stillDrawing = LIVE_SOURCE_IDS.some((id) => !this.map.isSourceLoaded(id));
    if (!force && stillDrawing && performance.now() - this.#lastApplyMs < MAX_DEFER_MS) return false;
    this.#lastApplyMs = performance.now();
    if (this.#binding.apply(input)) this.#loop.wake();
    return true;
  }

  /**
   * Resolves at the next `idle`: everything sent is drawn and the camera is still. Pulses pause
   * meanwhile: where one frame takes longer than the slowest pace (an 8K wall on a software
   * renderer), an animation always has the next frame pending and the map would never settle.
   */
  async idle(): Promise<void> {
    this.#loop.stop();
    try {
      const next = this.map.once('idle');
      this.map.triggerRepaint();
      await next;
    } finally {
      if (!this.#suspended) this.#loop.wake();
    }
  }

  dispose(): void {
    this.#loop.stop();
    this.#stopWatching();
    this.map.off('click', this.#onClick);
    this.map.remove();
  }

  readonly #onClick = (event: MapMouseEvent): void => {
    const hits: RegionHit[] = this.map
      .queryRenderedFeatures(event.point, { layers: [...DRILL_LAYERS] })
      .map((feature) => ({ code: String(feature.properties.code), level: feature.properties.level as RegionHit['level'] }));
    // Judged at the zoom a 1080p wall would show this view at, like the style's zoom ranges.
    const code = drillTarget(hits, this.map.getZoom() - mapScaleOf(this.map).zoomOffset, this.hooks.input()?.scope ?? '');
    if (code) this.hooks.drill(code);
  };

  /** MapLibre has destroyed its style with the context: touch nothing until it is back. */
  #suspend(): void {
    this.#suspended = true;
    this.#loop.stop();
  }

  /** The style was rebuilt from MapLibre's snapshot: its sources hold data again, but no feature-state. */
  #resume(): void {
    this.#suspended = false;
    this.#binding.reset();
    this.update();
  }
}

/** Lets go of a map and its session, if it got one. Removing a map whose context is lost may throw, which must not stop a rebuild. */
export const releaseMap = (map: MapLibreMap, session: MapSession | null): void => {
  try {
    if (session) session.dispose();
    else map.remove();
  } catch (error) {
    console.warn('the old map could not be removed cleanly', error);
  }
};
