import type { LngLat } from '../../../shared/domain/common';
import type { LiveFeature } from './diffFeatures';

/** A live point feature at an entity's location; `properties.id` is the source's promoted id. */
export const pointFeature = (location: LngLat, properties: LiveFeature['properties']): LiveFeature => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: [location.lng, location.lat] },
});
