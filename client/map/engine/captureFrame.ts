import type { MapLibreMap } from 'maplibre-gl';

/**
 * The map's next frame as a PNG data URL. The WebGL canvas keeps no drawing buffer
 * (preserveDrawingBuffer costs every frame of a wall that runs for weeks), so it is read inside
 * the `render` event, in the same task that drew the frame and before the browser presents and
 * clears it: the one moment its pixels are there to read.
 */
export const captureFrame = (map: MapLibreMap): Promise<string> =>
  new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        resolve(map.getCanvas().toDataURL('image/png'));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    map.triggerRepaint();
  });
