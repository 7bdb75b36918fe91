import { computed, onBeforeUnmount, onMounted, watch } from 'vue';
import type { TourStop } from '../../shared/contract/demo';
import type { RegionView } from '../map/regions/regionCamera';
import { stopKeyOf, stopViewOf } from './stopCamera';
import { stopHighlights } from './stopHighlights';
import type { DemoStore } from '../stores/useDemoStore';

/** Slow enough to follow from the back of the hall, quick enough to leave most of a stop to its caption. */
export const TOUR_FLY_MS = 2500;

/** What the player needs of the wall map (MapView's exposed methods). */
export interface TourMapTarget {
  flyToRegionView(code: string, view: RegionView, durationMs: number): boolean;
  levelCamera(): void;
  setInteractive(interactive: boolean): void;
  whenIdle(): Promise<void>;
}

export interface TourPlayerOptions {
  demo: DemoStore;
  /** The wall map once mounted. */
  map: () => TourMapTarget | null;
  /** The wall's own drill-down: the panels switch to the region's figures. */
  showRegion: (code: string) => void;
}

/**
 * Plays the tour on a wall: each new stop drills the wall into its region (so the panels show that
 * region's figures), flies the camera there and hands back the stop's highlights. While a stop is
 * on screen the map ignores clicks and drags; free roam gives it back and levels the camera.
 */
export const useTourPlayer = ({ demo, map, showRegion }: TourPlayerOptions) => {
  const highlights = computed(() => stopHighlights(demo.currentStop));
  const stopKey = computed(() => stopKeyOf(demo.state?.tour?.index ?? -1, demo.currentStop));
  let stopWatching: () => void = () => undefined;

  const fly = async (stop: TourStop, key: string): Promise<void> => {
    const view = stopViewOf(stop);
    const target = map();
    if (!target || target.flyToRegionView(stop.region, view, TOUR_FLY_MS)) return;
    // The map is not drawn yet (the tour was playing before this wall opened): fly once it is.
    await target.whenIdle();
    if (stopKey.value === key) map()?.flyToRegionView(stop.region, view, TOUR_FLY_MS);
  };

  const follow = (key: string | null, previous: string | null | undefined): void => {
    const stop = demo.currentStop;
    map()?.setInteractive(stop === null);
    if (!stop || key === null) {
      if (previous) map()?.levelCamera();
      return;
    }
    showRegion(stop.region);
    fly(stop, key).catch((error: unknown) => console.warn(`tour stop ${stop.id} could not be flown to`, error));
  };

  // After mounting: the map view is there to be driven.
  onMounted(() => {
    stopWatching = watch(stopKey, follow, { immediate: true });
  });
  onBeforeUnmount(() => stopWatching());

  return { highlights };
};
