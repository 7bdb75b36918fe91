import type { MapLibreMap } from 'maplibre-gl';

/** One frame at 60 Hz: what any frame takes anyway, so it is not charged to the map. */
export const ORDINARY_FRAME_MS = 1000 / 60;

/**
 * Measures what each map frame costs the page: the time from the end of MapLibre's draw to the start
 * of the next animation frame, less an ordinary frame. The draw itself is only the JS half; where the
 * compositor must read the WebGL canvas back (software compositing, a GPU-less kiosk) the page waits
 * for the GPU to finish the whole frame before it can show anything else, and that wait lands here.
 * Returns a function that stops measuring.
 */
export const meterMapFrames = (map: MapLibreMap, onFrame: (costMs: number, nowMs: number) => void): (() => void) => {
  let pending = 0;
  let stopped = false;
  const onRender = (): void => {
    if (pending !== 0 || stopped) return;
    const drawnAt = performance.now();
    pending = requestAnimationFrame(() => {
      pending = 0;
      const now = performance.now();
      if (!stopped) onFrame(now - drawnAt - ORDINARY_FRAME_MS, now);
    });
  };
  map.on('render', onRender);
  return () => {
    stopped = true;
    map.off('render', onRender);
    if (pending !== 0) cancelAnimationFrame(pending);
    pending = 0;
  };
};
