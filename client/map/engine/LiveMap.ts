import type { MapLibreMap } from 'maplibre-gl';
import { captureFrame } from './captureFrame';
import { createMap } from './createMap';
import { fetchMapRegionsUntilDone } from '../../api/fetchMapRegions';
import { liveInputOf } from '../binding/liveLayer';
import { EMPTY_ENTITIES, type MapData, type MapOptions, type MapOptionsPatch } from '../binding/mapInput';
import { DEFAULT_VISIBILITY } from '../layers/index';
import { MapSession, releaseMap, type MapClick, type SessionHooks } from './MapSession';
import type { MapPick } from './markerPick';
import { effectiveMotion, type MotionPreference } from './motionPreference';
import { cameraTargetOf, lngLatPairOf, type RegionView } from '../regions/regionCamera';
import { createRegionIndex, type RegionIndex } from '../regions/regionIndex';
import { retryUntilDone } from '../../api/retryUntilDone';
import { mapScaleOf } from '../style/screenScale';
import { setMapInteractive } from './setMapInteractive';
import { createServerClock } from '../../time/serverClock';
import { fitMarginPx, type RegionsByLevel, type SavedCamera } from '../regions/showRegions';
import { throttle } from './throttle';

export interface MapPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const DEFAULT_MAP_OPTIONS: MapOptions = { heatWindow: '24h', choropleth: 'none', visibility: DEFAULT_VISIBILITY, alarms: null };

/** Live sources are redrawn at most 4 times a second, whatever the event rate. */
const UPDATE_INTERVAL_MS = 250;
/** Time alone (new → not new, due → overdue) moves the picture on once a second. */
const TICK_MS = 1000;
const RETRY_DELAY_MS = 5_000;
/** A GPU reset normally gives the context back within a second or two. */
const DEFAULT_RESTORE_TIMEOUT_MS = 10_000;
const FLY_DURATION_MS = 1600;
const FLY_MAX_ZOOM = 16.5;

/** Whether the system asks for reduced motion (an accessibility setting some kiosks carry). */
const prefersReducedMotion = (): boolean => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** What a map says while it cannot be shown: a `map.status.*` message (client/i18n) the screen words. */
export type MapStatus = { key: 'loading' | 'failed' | 'recovering' } | { key: 'retrying'; seconds: number };

export interface LiveMapEvents {
  /** What the screen should say while it cannot show the map; null once it does. */
  status(status: MapStatus | null): void;
  /** A click drilled into a region. */
  drill(code: string): void;
  /** A click picked a marker or a region (its detail card), or nothing (null: the card closes). Never while a tour stop owns the map. */
  select(pick: MapPick | null): void;
  /** A click landed while the map is not interactive (a tour stop on screen): the screen answers it rather than ignore it. */
  blockedClick(): void;
  /** Someone panned, zoomed or turned the map by hand. */
  handMoved(): void;
}

/**
 * The live map (wall and tablet): owns the MapLibre instance for the lifetime of the screen (rebuilding it when the
 * GPU context is lost for good) and feeds the live layers from plain inputs, at most 4 times a second.
 */
export class LiveMap {
  /** Settles once the county is first drawn; rejects if it cannot be. */
  readonly ready: Promise<void>;
  #map: MapLibreMap;
  /** The current map's `load` event, listened for from its creation (see MapSession.open). */
  #loaded: Promise<unknown>;
  #session: MapSession | null = null;
  #data: MapData = { entities: EMPTY_ENTITIES, version: 0 };
  #options = DEFAULT_MAP_OPTIONS;
  #restoreTimeoutMs = DEFAULT_RESTORE_TIMEOUT_MS;
  #motionPreference: MotionPreference = effectiveMotion(null, prefersReducedMotion());
  #scope: string | null = null;
  #scopeControlled = false;
  #lastFlownTo: string | null = null;
  #interactive = true;
  /** CSS px of the map the screen's overlays cover along each edge: fits and flights keep clear of it. */
  #padding: MapPadding = { top: 0, right: 0, bottom: 0, left: 0 };
  #regions: RegionsByLevel | null = null;
  #index: RegionIndex | null = null;
  #recovering: Promise<void> | null = null;
  #rebuilds = 0;
  /** While a caller waits for the map to settle, new data waits: on a busy feed it would never settle. */
  #held = 0;
  readonly #stop = new AbortController();
  readonly #clock = createServerClock();
  // A held-back update asks again after the interval (see MapSession.update).
  readonly #scheduler = throttle(() => this.#held === 0 && this.#session?.update() === false && this.#scheduler.request(), UPDATE_INTERVAL_MS);
  readonly #ticker = setInterval(() => this.#scheduler.request(), TICK_MS);
  readonly #hooks: SessionHooks = {
    input: () => this.#index && liveInputOf(this.#data, this.#options, this.#scope, this.#index, this.#clock.now()),
    now: () => this.#clock.now(),
    click: (click) => this.#click(click),
    handMoved: () => this.events.handMoved(),
    unrecoverable: (reason) => this.#rebuild(reason),
    restoreTimeoutMs: () => this.#restoreTimeoutMs,
    motion: () => this.#motionPreference,
  };

  constructor(
    private readonly container: HTMLElement,
    private readonly events: LiveMapEvents,
  ) {
    [this.#map, this.#loaded] = this.#createMap();
    this.ready = this.#open();
    this.ready.catch((error: unknown) => {
      if (this.#stop.signal.aborted) return;
      console.error('the county map could not be drawn', error);
      events.status({ key: 'failed' });
    });
  }

  /** The current map; a new instance after a rebuild. */
  get map(): MapLibreMap {
    return this.#map;
  }

  get session(): MapSession | null {
    return this.#session;
  }

  /** The highlighted scope; null until one is set (the whole county). */
  get scope(): string | null {
    return this.#scope;
  }

  /** How many times the map was rebuilt because its WebGL context did not come back. */
  /** The county's regions once fetched (labels, points, households); null before. */
  get regions(): RegionIndex | null {
    return this.#index;
  }

  get rebuilds(): number {
    return this.#rebuilds;
  }

  setData(data: MapData): void {
    this.#data = data;
    if (data.now !== undefined) this.#clock.set(data.now);
    this.#scheduler.request();
  }

  setNow(serverNowMs: number): void {
    this.#clock.set(serverNowMs);
  }

  setOptions({ restoreTimeoutMs, motion, ...next }: MapOptionsPatch): void {
    this.#restoreTimeoutMs = restoreTimeoutMs ?? this.#restoreTimeoutMs;
    if (motion !== undefined && motion !== this.#motionPreference) {
      this.#motionPreference = motion;
      this.#session?.wakeAnimation();
    }
    this.#options = { ...this.#options, ...next, visibility: { ...this.#options.visibility, ...next.visibility } };
    this.#scheduler.request();
  }

  /** Highlights a region as the scope and flies there. A `controlled` scope changes only through here, never by a click. */
  setScope(code: string, controlled = false): void {
    this.#scopeControlled = controlled;
    if (code === this.#scope) return;
    this.#scope = code;
    if (this.#lastFlownTo !== code) this.flyToRegion(code);
    this.#scheduler.request();
  }

  /** Fits the view to any region of the county; false if the code is unknown or the map is not up yet. */
  flyToRegion(code: string): boolean {
    const bounds = this.#index?.get(code)?.bounds;
    if (!bounds || !this.#session) return false;
    this.#lastFlownTo = code;
    // The county fills the screen as on start-up; a smaller region keeps some of its neighbours in view.
    const padding = (code === this.#index?.countyCode ? 1 : 2) * fitMarginPx(this.#map);
    this.#map.fitBounds(bounds, { padding, maxZoom: FLY_MAX_ZOOM + mapScaleOf(this.#map).zoomOffset, ...this.#motion(FLY_DURATION_MS), essential: true });
    return true;
  }

  /**
   * Flies to a region framed as `view` says (a tour stop's camera): tilted, turned, and zoomed as
   * set or to fit. The scope set next for that region does not fly again.
   */
  flyToRegionView(code: string, view: RegionView, durationMs: number): boolean {
    const bounds = this.#index?.get(code)?.bounds;
    if (!bounds || !this.#session) return false;
    this.#lastFlownTo = code;
    const padding = (code === this.#index?.countyCode ? 1 : 2) * fitMarginPx(this.#map);
    const fit = this.#map.cameraForBounds(bounds, { padding, maxZoom: FLY_MAX_ZOOM + mapScaleOf(this.#map).zoomOffset, bearing: view.bearing });
    const fitted = fit?.center && fit.zoom !== undefined ? { center: lngLatPairOf(fit.center), zoom: fit.zoom } : undefined;
    // The wall is flat by default (createMap); a stop may tilt it, which the gestures still cannot.
    if (view.pitch > this.#map.getMaxPitch()) this.#map.setMaxPitch(view.pitch);
    // A stop's zoom is written for a 1080p wall; a bigger screen shows the same view deeper (screenScale.ts).
    const scaledView = view.zoom === undefined ? view : { ...view, zoom: view.zoom + mapScaleOf(this.#map).zoomOffset };
    this.#map.flyTo({ ...cameraTargetOf(scaledView, bounds, fitted), ...this.#motion(durationMs), essential: true });
    return true;
  }

  /** Back to the flat, north-up view of a normal wall after a tour stop tilted or turned it. */
  levelCamera(durationMs = FLY_DURATION_MS): void {
    if (this.#map.getPitch() === 0 && this.#map.getBearing() === 0) return;
    this.#map.easeTo({ pitch: 0, bearing: 0, ...this.#motion(durationMs), essential: true });
  }

  /**
   * How a camera move runs: a flight, unless the renderer is too slow to animate (see renderBudget.ts).
   * There it jumps: a flight at a few frames a second shows nothing and holds the page up for seconds.
   */
  #motion(durationMs: number): { duration: number; animate: boolean } {
    const animate = this.#session?.animates ?? this.#motionPreference !== 'still';
    return { duration: animate ? durationMs : 0, animate };
  }

  /**
   * What the overlays on the map hide (reserved rails): the camera centres and fits regions in the
   * rest, so a region flown to is never under the caption or the alarm list. Kept across rebuilds.
   */
  setPadding(padding: MapPadding): void {
    this.#padding = padding;
    this.#map.setPadding(padding);
  }

  /** Whether clicks drill and gestures move the camera: not while a tour stop is on screen. */
  setInteractive(interactive: boolean): void {
    this.#interactive = interactive;
    setMapInteractive(this.#map, interactive);
  }

  /**
   * Resolves once everything given so far is drawn and the map is idle, after any rebuild under way.
   * Data given meanwhile is held back until then (and drawn right after), so that a live feed faster
   * than the renderer cannot keep the map from ever settling.
   */
  async whenIdle(): Promise<void> {
    await this.ready;
    while (this.#recovering) await this.#recovering;
    this.#held += 1;
    try {
      this.#session?.update(true);
      await this.#session?.idle();
    } finally {
      this.#held -= 1;
      this.#scheduler.request();
    }
  }

  /** The map as drawn now, as a PNG data URL (for the wall's picture, capture/captureWallPng.ts). */
  async captureFrame(): Promise<string> {
    await this.whenIdle();
    return captureFrame(this.#map);
  }

  destroy(): void {
    this.#stop.abort(new Error('the map view was closed'));
    clearInterval(this.#ticker);
    this.#scheduler.cancel();
    this.#disposeSession();
  }

  /** A marker click opens its card and does not drill; a region click drills (and names the region for its card). */
  #click({ marker, drill, region }: MapClick): void {
    if (!this.#interactive) return this.events.blockedClick();
    if (marker) return this.events.select(marker);
    if (drill) this.#drill(drill);
    this.events.select(region === null ? null : { kind: 'region', code: region });
  }

  #drill(code: string): void {
    if (!this.#interactive) return;
    if (!this.#scopeControlled) this.#scope = code;
    this.flyToRegion(code);
    this.#scheduler.request();
    this.events.drill(code);
  }

  /** A new map with its `load` listened for at once (see MapSession.open). */
  #createMap(): [MapLibreMap, Promise<unknown>] {
    const map = createMap(this.container);
    return [map, map.once('load')];
  }

  async #open(camera?: SavedCamera): Promise<void> {
    this.#regions ??= await fetchMapRegionsUntilDone(this.#stop.signal, RETRY_DELAY_MS, (seconds) =>
      this.events.status({ key: 'retrying', seconds }),
    );
    this.#index ??= createRegionIndex(this.#regions);
    this.#session = await MapSession.open(this.#map, this.#loaded, this.#regions, this.#hooks, camera);
    setMapInteractive(this.#map, this.#interactive);
    this.#map.setPadding(this.#padding);
    this.events.status(null);
    // The map opens on the whole county; a narrower scope set before it could fly is flown to now
    // (a rebuilt map keeps its view instead).
    this.#lastFlownTo ??= this.#index.countyCode;
    if (!camera && this.#scope && this.#lastFlownTo !== this.#scope) this.flyToRegion(this.#scope);
    this.#scheduler.request();
  }

  /** Replaces a map whose context will not come back, at the same view, retrying until a new one draws. */
  #rebuild(reason: string): void {
    if (this.#stop.signal.aborted || this.#recovering) return;
    console.error(`rebuilding the map: ${reason}`);
    this.#rebuilds += 1;
    this.events.status({ key: 'recovering' });
    const camera: SavedCamera = { center: this.#map.getCenter().toArray(), zoom: this.#map.getZoom() };
    this.#disposeSession();
    const attempt = async () => {
      [this.#map, this.#loaded] = this.#createMap();
      await this.#open(camera);
    };
    const onFailure = (error: unknown) => console.error('the map could not be rebuilt, retrying', error);
    // It retries until it succeeds, so it only ever fails because the view was closed.
    this.#recovering = retryUntilDone(attempt, { delayMs: RETRY_DELAY_MS, signal: this.#stop.signal, onFailure })
      .catch(() => undefined)
      .finally(() => (this.#recovering = null));
  }

  #disposeSession(): void {
    releaseMap(this.#map, this.#session);
    this.#session = null;
  }
}
