import type { GeoJSONSourceSpecification } from 'maplibre-gl';

/**
 * Live sources start empty. `promoteId: 'id'` makes each entity's id the feature id, which both
 * `updateData` diffs and per-feature animation state are addressed by.
 */
export const emptyLiveSource = (): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
  promoteId: 'id',
});
