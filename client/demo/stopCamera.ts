import type { TourStop } from '../../shared/contract/demo';
import type { RegionView } from '../map/regions/regionCamera';

/** A stop's camera with the flat, north-up defaults filled in; no zoom = fit the region. */
export const stopViewOf = (stop: TourStop): RegionView => ({
  ...(stop.camera.zoom === undefined ? {} : { zoom: stop.camera.zoom }),
  pitch: stop.camera.pitch ?? 0,
  bearing: stop.camera.bearing ?? 0,
});

/** Identifies the stop on screen, so a pause or a repeated frame does not move the camera again. */
export const stopKeyOf = (index: number, stop: TourStop | null): string | null => (stop ? `${index}:${stop.id}:${stop.region}` : null);
