import { CLUSTERS_UNTIL_ZOOM } from '../layers/incidentClusters';
import { incidentMarkerLayer } from '../layers/incidentMarkers';
import { stationMarkerLayer } from '../layers/stationMarkers';

/** What a click on the map picked: a marker (its card), or a region (its card, beside the drill). */
export type MapPick = { kind: 'incident'; id: string } | { kind: 'station'; id: string } | { kind: 'region'; code: string };

/** The marker layers a click can pick from, incidents first (drawn over the stations). */
export const MARKER_LAYERS: readonly string[] = [incidentMarkerLayer.id, stationMarkerLayer.id];

/**
 * How far from a marker's centre a click still picks it, in 1080p CSS px: a remote pointer (an air
 * mouse, a laser pointer on a touch frame) shakes by a few pixels, and close up the dots are 12–26 px
 * across. Zoomed out, where the clusters count the incidents and a community is a speck, a click is
 * mostly a drill: only a click on the dot itself picks it.
 */
export const markerReachPx = (zoom: number): number => (zoom < CLUSTERS_UNTIL_ZOOM ? 6 : 12);

/** A marker feature under (or near) the click, as queried, projected to screen px. */
export interface MarkerCandidate {
  layer: string;
  properties: Readonly<Record<string, unknown>>;
  x: number;
  y: number;
}

/**
 * From this (1080p-equivalent) zoom on a station's marker takes a click. Further out a community is a
 * speck with its service centre drawn at its heart: a click there is for drilling into the community.
 */
export const STATIONS_PICKED_FROM_ZOOM = 11;

/**
 * Whether a queried marker is drawn at this (1080p-equivalent) zoom and takes a click: MapLibre returns
 * features whose opacity is 0 too. Mirrors the layers' opacity expressions (incidentMarkers.ts
 * visibleByZoom, stationMarkers.ts icon-opacity): zoomed out only what needs a leader shows, closed
 * incidents from a street view on; stations from STATIONS_PICKED_FROM_ZOOM.
 */
export const markerShown = (candidate: MarkerCandidate, zoom: number): boolean => {
  const p = candidate.properties;
  if (candidate.layer === stationMarkerLayer.id) return zoom >= STATIONS_PICKED_FROM_ZOOM;
  if (p.closed === true) return zoom >= CLUSTERS_UNTIL_ZOOM + 0.25;
  const important = p.overdue === true || p.fresh === true || Number(p.rank) >= 2;
  return important || zoom >= CLUSTERS_UNTIL_ZOOM - 0.25;
};

/** The drawn marker nearest the click, within `maxPx`; the first candidate wins a tie (queried top-most first: an incident over a station). */
export const nearestMarker = (candidates: readonly MarkerCandidate[], point: { x: number; y: number }, zoom: number, maxPx: number): MapPick | null => {
  let best: { candidate: MarkerCandidate; distance: number } | null = null;
  for (const candidate of candidates) {
    if (!markerShown(candidate, zoom)) continue;
    const distance = Math.hypot(candidate.x - point.x, candidate.y - point.y);
    if (distance > maxPx || (best && distance >= best.distance)) continue;
    best = { candidate, distance };
  }
  if (!best) return null;
  const id = String(best.candidate.properties.id);
  return best.candidate.layer === stationMarkerLayer.id ? { kind: 'station', id } : { kind: 'incident', id };
};
