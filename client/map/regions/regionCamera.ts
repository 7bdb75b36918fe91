import type { LngLatBox } from './boundsOf';

/** How a region is to be framed: a set zoom, or (absent) whatever fits the region, tilted and turned. */
export interface RegionView {
  zoom?: number;
  pitch: number;
  bearing: number;
}

export interface CameraTarget {
  center: [number, number];
  zoom?: number;
  pitch: number;
  bearing: number;
}

/**
 * Where the camera goes for a view of a region: centred as the region's fit (at the view's bearing)
 * centres it, at the view's zoom or else the fit's. With no fit (a map not sized yet) the middle
 * of the bounds is the centre and the zoom is the view's, or left as it is.
 */
export const cameraTargetOf = (view: RegionView, bounds: LngLatBox, fitted: { center: [number, number]; zoom: number } | undefined): CameraTarget => {
  const [[west, south], [east, north]] = bounds;
  const center = fitted?.center ?? [(west + east) / 2, (south + north) / 2];
  const zoom = view.zoom ?? fitted?.zoom;
  return { center, ...(zoom === undefined ? {} : { zoom }), pitch: view.pitch, bearing: view.bearing };
};

/** MapLibre's LngLatLike as a plain pair, without importing its runtime. */
export const lngLatPairOf = (value: [number, number] | { lng: number; lat: number } | { lon: number; lat: number }): [number, number] =>
  Array.isArray(value) ? value : 'lng' in value ? [value.lng, value.lat] : [value.lon, value.lat];
