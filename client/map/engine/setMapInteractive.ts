import type { MapLibreMap } from 'maplibre-gl';

/** The gestures that move the camera (rotation and pitch are switched off for good in createMap). */
const CAMERA_GESTURES = ['dragPan', 'scrollZoom', 'boxZoom', 'doubleClickZoom', 'touchZoomRotate', 'keyboard'] as const;

/** Lets people move the map, or not: a wall showing a tour stop is a presentation, not a console. */
export const setMapInteractive = (map: MapLibreMap, interactive: boolean): void => {
  for (const gesture of CAMERA_GESTURES) {
    if (interactive) map[gesture].enable();
    else map[gesture].disable();
  }
};
