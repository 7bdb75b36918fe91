import type { CircleLayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import { INCIDENT_STATUSES, type Incident, type Priority } from '../../../shared/domain/incident';
import { isOpen, isOverdue } from '../../../shared/logic/sla';
import type { LiveFeature } from '../diffFeatures';
import type { LiveLayer } from '../liveLayer';
import { LIVE_SOURCES } from '../liveSources';
import { INCIDENT_STATUS_COLOURS, OVERDUE_COLOUR, PALETTE } from '../palette';
import { pointFeature } from '../pointFeature';

// One dot per incident, coloured by where it is in its lifecycle. Open incidents are always drawn;
// closed ones stay for a while (drawn once the view is close) so a leader sees work getting done.

/** How long after its report an incident counts as new and pulses. */
export const NEW_INCIDENT_MS = 10_000;
/** How long a resolved or rated incident keeps its marker. */
export const CLOSED_MARKER_MS = 3600_000;

const PRIORITY_RANK: Readonly<Record<Priority, number>> = { low: 0, normal: 1, high: 2, urgent: 3 };
const SECOND_MS = 1000;

/** When an incident was closed (rated, else resolved, else last touched). */
export const closedAt = (incident: Incident): number => incident.ratedAt ?? incident.resolvedAt ?? incident.updatedAt;

/** The markers at `now`: open incidents plus those closed within CLOSED_MARKER_MS, with their flags. */
export const buildIncidentMarkers = (incidents: Iterable<Incident>, now: number): LiveFeature[] => {
  const features: LiveFeature[] = [];
  for (const incident of incidents) {
    const open = isOpen(incident);
    if (!open && now - closedAt(incident) > CLOSED_MARKER_MS) continue;
    const age = now - incident.reportedAt;
    features.push(
      pointFeature(incident.location, {
        id: incident.id,
        status: incident.status,
        rank: PRIORITY_RANK[incident.priority],
        overdue: isOverdue(incident, now),
        fresh: age >= 0 && age < NEW_INCIDENT_MS,
        closed: !open,
      }),
    );
  }
  return features;
};

const statusColour: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  ...INCIDENT_STATUSES.flatMap((status) => [status, INCIDENT_STATUS_COLOURS[status]]),
  INCIDENT_STATUS_COLOURS.reported,
] as unknown as ExpressionSpecification;

/** Radius in CSS px by priority rank, at a zoom: urgent ones are the biggest dots. */
const radiusByRank = (low: number, urgent: number): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['get', 'rank'],
  0,
  low,
  3,
  urgent,
];

/**
 * At county scale the heatmap tells where incidents are, and only what needs a leader shows as a dot:
 * overdue, new, urgent or high. Ordinary open ones fade in as the view closes in, closed ones last, so
 * they never drown the open ones.
 */
const visibleByZoom = (openOpacity: number, closedOpacity: number): ExpressionSpecification => {
  const important: ExpressionSpecification = ['any', ['get', 'overdue'], ['get', 'fresh'], ['>=', ['get', 'rank'], 2]];
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    10,
    ['case', ['get', 'closed'], 0, important, openOpacity, 0],
    11,
    ['case', ['get', 'closed'], 0, openOpacity],
    12.5,
    ['case', ['get', 'closed'], closedOpacity, openOpacity],
  ];
};

export const incidentMarkerLayer: CircleLayerSpecification = {
  id: 'incident-markers',
  type: 'circle',
  source: LIVE_SOURCES.incidentMarkers,
  layout: { 'circle-sort-key': ['+', ['get', 'rank'], ['case', ['get', 'overdue'], 10, 0]] },
  paint: {
    'circle-color': statusColour,
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, radiusByRank(2.5, 5), 14, radiusByRank(6, 10), 17, radiusByRank(8, 13)],
    'circle-stroke-color': ['case', ['get', 'overdue'], OVERDUE_COLOUR, PALETTE.ground],
    'circle-stroke-width': ['case', ['get', 'overdue'], 2.5, 1],
    'circle-opacity': visibleByZoom(1, 0.6),
    'circle-stroke-opacity': visibleByZoom(1, 1),
  },
};

export const createIncidentMarkers = (): LiveLayer => ({
  name: 'incidentMarkers',
  layerIds: [incidentMarkerLayer.id],
  visible: (input) => input.visibility.incidentMarkers,
  // Overdue and new flags follow the clock, so the markers are rebuilt (and diffed) once a second.
  dependencies: (input) => [input.entities, input.version, Math.floor(input.now / SECOND_MS)],
  apply: (target, input) =>
    target.setFeatures(LIVE_SOURCES.incidentMarkers, buildIncidentMarkers(input.entities.incidents.values(), input.now)),
});
