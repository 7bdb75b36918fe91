import type { GeoJSONSourceSpecification } from 'maplibre-gl';

/** The live sources, one per live layer, filled and diffed at runtime from the entities. */
export const LIVE_SOURCES = {
  incidentHeat: 'incident-heat',
  volunteerHeat: 'volunteer-heat',
  incidentMarkers: 'incident-markers',
  stationMarkers: 'station-markers',
  checkinRipples: 'checkin-ripples',
  serviceCircles: 'service-circles',
  alarmFlash: 'alarm-flash',
} as const;

export type LiveSourceId = (typeof LIVE_SOURCES)[keyof typeof LIVE_SOURCES];

/**
 * Live sources start empty. `promoteId: 'id'` makes each entity's id the feature id, which both
 * `updateData` diffs and per-feature animation state are addressed by.
 */
export const emptyLiveSource = (): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
  promoteId: 'id',
});
