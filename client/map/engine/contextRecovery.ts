import type { MapLibreMap } from 'maplibre-gl';

export interface ContextHandlers {
  /** The GPU context is gone: stop touching the style (MapLibre has destroyed it) until restored. */
  onLost(): void;
  /** MapLibre has rebuilt its style from its snapshot on a new context: feature-state must be re-applied. */
  onRestored(): void;
  /** No usable context came back in time: only a new map can draw again. */
  onUnrecoverable(reason: string): void;
}

/**
 * Watches a map's WebGL context. A wall runs for months, and a GPU reset, driver update or memory
 * pressure takes the context away; MapLibre restores its style on `webglcontextrestored`, but the
 * browser may never give the context back (or MapLibre may fail to set up on it), and then the wall
 * would stay blank forever. So a watchdog asks for a rebuild if restoration does not finish in time.
 */
export const watchContext = (map: MapLibreMap, handlers: ContextHandlers, restoreTimeoutMs: () => number): (() => void) => {
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  let restored = false;
  const stopWatchdog = () => {
    if (watchdog !== null) clearTimeout(watchdog);
    watchdog = null;
  };
  const lost = () => {
    console.warn('the map lost its WebGL context; waiting for the browser to restore it');
    handlers.onLost();
    restored = false;
    stopWatchdog();
    const timeoutMs = restoreTimeoutMs();
    watchdog = setTimeout(() => {
      watchdog = null;
      handlers.onUnrecoverable(`the WebGL context was not restored within ${timeoutMs} ms`);
    }, timeoutMs);
  };
  // MapLibre fires `webglcontextrestored` only once it has a painter on the new context (a failure is
  // an `error` event instead), and reloads the style on the next frame; data can go in once it has.
  const contextRestored = () => {
    restored = true;
  };
  const styleLoaded = () => {
    if (watchdog === null || !restored) return;
    stopWatchdog();
    handlers.onRestored();
  };
  map.on('webglcontextlost', lost);
  map.on('webglcontextrestored', contextRestored);
  map.on('style.load', styleLoaded);
  return () => {
    stopWatchdog();
    map.off('webglcontextlost', lost);
    map.off('webglcontextrestored', contextRestored);
    map.off('style.load', styleLoaded);
  };
};
