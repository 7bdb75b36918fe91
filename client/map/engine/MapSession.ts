import type { MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { STATION_TYPES } from '../../../shared/domain/station';
import { createAnimationLoop, type AnimationLoop } from './animationLoop';
import { installBasemap } from './installBasemap';
import { watchContext } from './contextRecovery';
import { DRILL_LAYERS, drillTarget, type RegionHit } from '../regions/drillTarget';
import { markerReachPx, MARKER_LAYERS, nearestMarker, type MapPick } from './markerPick';
import { createLiveLayers, LIVE_SOURCE_IDS } from '../layers/index';
import { LiveBinding, type BindingStats } from '../binding/LiveBinding';
import type { LiveInput } from '../binding/liveLayer';
import { meterMapFrames } from './mapFrameMeter';
import { shouldAnimate, type MotionPreference } from './motionPreference';
import { RenderBudget } from './renderBudget';
import { mapScaleOf } from '../style/screenScale';
import { showRegions, type RegionsByLevel, type SavedCamera } from '../regions/showRegions';
import { stationIconId, stationIconImage } from '../style/stationIcons';

/** From 30 fps down to 1 fps when the renderer cannot keep up (see animationLoop.ts). */
const FRAME_PACING = { minIntervalMs: 33, maxIntervalMs: 1000 };
/** However slowly the map draws, and whatever the render budget says, live data is at most this old on screen. */
const MAX_DEFER_MS = 3000;

/** What the map's drawing costs the page, for the test hook and the bench. */
export interface RenderCost {
  /** Running cost of one map frame beyond an ordinary frame, ms. */
  frameCostMs: number;
  /** Map frames measured, and their summed cost, since this map opened. */
  frames: number;
  spentMs: number;
  /** Whether pulses, ripples and flights move (false: held still by `?motion=still`, or a renderer too slow for them). */
  animating: boolean;
}

export interface SessionHooks {
  /** The live input as of now, or null while there is nothing to draw yet. */
  input(): LiveInput | null;
  /** Server time for an animation frame. */
  now(): number;
  /** A click landed on the map: what it picked (see MapClick). */
  click(click: MapClick): void;
  /** Someone moved the camera by hand (drag, wheel, pinch): not a flight of ours. */
  handMoved(): void;
  /** The WebGL context is gone for good: the map must be rebuilt. */
  unrecoverable(reason: string): void;
  /** How long the browser gets to give a lost context back before the map is rebuilt. */
  restoreTimeoutMs(): number;
  /** Whether things may move (motionPreference.ts); `auto` leaves it to the render budget. */
  motion(): MotionPreference;
}

/** What one click on the map landed on. */
export interface MapClick {
  /** The drawn marker nearest the pointer (within markerReachPx), if any: a marker click opens its card, it does not drill. */
  marker: MapPick | null;
  /** The region to drill into (drillTarget), if any. */
  drill: string | null;
  /** The region the click is about: the one drilled into, else the scope when the click was inside it; null outside. */
  region: string | null;
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
  readonly #budget = new RenderBudget(performance.now());
  readonly #stopMetering: () => void;
  #suspended = false;
  #lastApplyMs = -Infinity;

  /**
   * Fills a freshly created map with the regions and brings it to life; on failure the map is removed.
   * `loaded` is the map's `load` event, listened for when the map was created: the regions may take
   * longer to fetch than the style to load (a ×10 county), and a `once('load')` asked for after the
   * event has fired waits for ever.
   */
  static async open(map: MapLibreMap, loaded: Promise<unknown>, regions: RegionsByLevel, hooks: SessionHooks, camera?: SavedCamera): Promise<MapSession> {
    map.setMissingStyleImageResolver(resolveStationIcon(map));
    try {
      await loaded;
      await installBasemap(map, regions);
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
    this.#loop = createAnimationLoop(() => this.#animationStep(), FRAME_PACING);
    this.#stopMetering = meterMapFrames(map, (costMs, nowMs) => this.#budget.spend(costMs, nowMs));
    map.on('click', this.#onClick);
    map.on('movestart', this.#onMoveStart);
    map.getCanvasContainer().addEventListener('keydown', this.#onKeyDown);
    this.#stopWatching = watchContext(
      map,
      { onLost: () => this.#suspend(), onRestored: () => this.#resume(), onUnrecoverable: (reason) => hooks.unrecoverable(reason) },
      () => hooks.restoreTimeoutMs(),
    );
  }

  get stats(): Readonly<BindingStats> {
    return this.#binding.stats;
  }

  get renderCost(): RenderCost {
    return { frameCostMs: this.#budget.frameCostMs, ...this.#budget.totals, animating: this.animates };
  }

  /** After the motion preference changed: the loop decides afresh whether to move or hold. */
  wakeAnimation(): void {
    if (!this.#suspended) this.#loop.wake();
  }

  /**
   * Applies the current input (skipped while the context is lost). Returns false when it held back,
   * because the map is still cutting tiles for the last update or has spent its render budget: a slow
   * renderer (a software GPU, an 8K wall on a weak one) then gets updates as fast as it can draw them
   * within its share of the page's time, never a queue it cannot catch up with, and the event board
   * keeps its frames. Never held back longer than MAX_DEFER_MS.
   */
  update(force = false): boolean {
    const input = this.hooks.input();
    if (this.#suspended || !input) return true;
    const now = performance.now();
    const busy = LIVE_SOURCE_IDS.some((id) => !this.map.isSourceLoaded(id)) || this.#budget.waitMs(now) > 0;
    if (!force && busy && now - this.#lastApplyMs < MAX_DEFER_MS) return false;
    this.#lastApplyMs = now;
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
    this.#stopMetering();
    this.#stopWatching();
    this.map.off('click', this.#onClick);
    this.map.off('movestart', this.#onMoveStart);
    this.map.getCanvasContainer().removeEventListener('keydown', this.#onKeyDown);
    this.map.remove();
  }

  /** Only a gesture carries the DOM event that started it; our own flights and jumps do not. */
  readonly #onMoveStart = (event: { originalEvent?: Event }): void => {
    if (event.originalEvent) this.hooks.handMoved();
  };

  readonly #onClick = (event: MapMouseEvent): void => this.hooks.click(this.clickAt(event.point));

  /**
   * The keyboard's click: with the map focused, the arrow keys pan it (MapLibre) and Enter clicks the
   * middle of its open part (inside the overlays' padding), a remote's OK key as well.
   */
  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.repeat) return;
    // No keypress after it: the card that opens takes the focus, and the same Enter would press its close button.
    event.preventDefault();
    this.hooks.click(this.clickAt(this.map.project(this.map.getCenter())));
  };

  /** What a click at this point of the canvas (CSS px) lands on: a marker near it, the region to drill into. */
  clickAt(point: { x: number; y: number }): MapClick {
    const hits: RegionHit[] = this.map
      .queryRenderedFeatures([point.x, point.y], { layers: [...DRILL_LAYERS] })
      .map((feature) => ({ code: String(feature.properties.code), level: feature.properties.level as RegionHit['level'] }));
    // Judged at the zoom a 1080p wall would show this view at, like the style's zoom ranges.
    const scale = mapScaleOf(this.map);
    const zoom = this.map.getZoom() - scale.zoomOffset;
    const scope = this.hooks.input()?.scope ?? '';
    const drill = drillTarget(hits, zoom, scope);
    const region = drill ?? (hits.some((hit) => hit.code === scope) ? scope : null);
    return { marker: this.#markerNear(point, zoom, markerReachPx(zoom) * scale.factor), drill, region };
  }

  /** The drawn marker nearest a point, looked for in a box around it (queried top-most first). */
  #markerNear(point: { x: number; y: number }, zoom: number, maxPx: number): MapPick | null {
    const box: [[number, number], [number, number]] = [
      [point.x - maxPx, point.y - maxPx],
      [point.x + maxPx, point.y + maxPx],
    ];
    const layers = MARKER_LAYERS.filter((id) => this.map.getLayer(id));
    const candidates = this.map.queryRenderedFeatures(box, { layers }).flatMap((feature) => {
      if (feature.geometry.type !== 'Point') return [];
      const at = this.map.project(feature.geometry.coordinates as [number, number]);
      return [{ layer: feature.layer.id, properties: feature.properties, x: at.x, y: at.y }];
    });
    return nearestMarker(candidates, point, zoom, maxPx);
  }

  /**
   * One animation frame, if the renderer can afford it. Too slow to animate at all: everything that
   * would move is drawn still and the loop sleeps until the next update wakes it. Merely over budget
   * for now: this frame is skipped and the loop goes on.
   */
  #animationStep(): boolean {
    if (this.#suspended) return false;
    if (!this.animates) {
      this.#binding.hold();
      return false;
    }
    if (this.hooks.motion() === 'auto' && this.#budget.waitMs(performance.now()) > 0) return true;
    return this.#binding.animate(this.hooks.now());
  }

  /** Whether pulses, ripples and camera flights move now (the motion preference and the render budget). */
  get animates(): boolean {
    return shouldAnimate(this.hooks.motion(), this.#budget.mayAnimate);
  }

  /** MapLibre has destroyed its style with the context: touch nothing until it is back. */
  #suspend(): void {
    this.#suspended = true;
    this.#loop.stop();
  }

  /** The style was rebuilt from MapLibre's snapshot: its sources hold data again, but no feature-state. */
  #resume(): void {
    this.#suspended = false;
    this.#binding.reset();
    // Everything must be sent again now, whatever the budget says: the restored style holds no live data.
    this.update(true);
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
