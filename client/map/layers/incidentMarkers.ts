import type { CircleLayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import { INCIDENT_STATUSES, type Incident, type Priority } from '../../../shared/domain/incident';
import { closedAt, isOpen, isOverdue, RECENTLY_CLOSED_MS } from '../../../shared/logic/sla';
import type { LiveFeature } from '../binding/diffFeatures';
import type { LiveLayer } from '../binding/liveLayer';
import { INCIDENT_STATUS_COLOURS, OVERDUE_COLOUR, PALETTE } from '../style/palette';
import { pointFeature } from '../binding/pointFeature';
import { CLUSTERS_UNTIL_ZOOM } from './incidentClusters';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

/** The live source this layer fills (created empty by the offline style, from the registry). */
export const INCIDENT_MARKERS_SOURCE = 'incident-markers';

// One dot per incident, coloured by where it is in its lifecycle. Open incidents are always drawn;
// closed ones stay for a while (drawn once the view is close) so a leader sees work getting done.

/** How long after its report an incident counts as new and pulses. */
export const NEW_INCIDENT_MS = 10_000;
/** How long a resolved or rated incident keeps its marker. */
export const CLOSED_MARKER_MS = RECENTLY_CLOSED_MS;

const PRIORITY_RANK: Readonly<Record<Priority, number>> = { low: 0, normal: 1, high: 2, urgent: 3 };
const SECOND_MS = 1000;


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
 * Zoomed out, the incident clusters (incidentClusters.ts) count the incidents and only what needs a
 * leader shows as a dot on top: overdue, new, urgent or high. From CLUSTERS_UNTIL_ZOOM on, where the
 * clusters stop, every open marker shows, closed ones last, so they never drown the open ones.
 */
const visibleByZoom = (openOpacity: number, closedOpacity: number): ExpressionSpecification => {
  const important: ExpressionSpecification = ['any', ['get', 'overdue'], ['get', 'fresh'], ['>=', ['get', 'rank'], 2]];
  const onlyImportant: ExpressionSpecification = ['case', ['get', 'closed'], 0, important, openOpacity, 0];
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    CLUSTERS_UNTIL_ZOOM - 0.5,
    onlyImportant,
    CLUSTERS_UNTIL_ZOOM,
    ['case', ['get', 'closed'], 0, openOpacity],
    12.5,
    ['case', ['get', 'closed'], closedOpacity, openOpacity],
  ];
};

export const incidentMarkerLayer: CircleLayerSpecification = {
  id: 'incident-markers',
  type: 'circle',
  source: INCIDENT_MARKERS_SOURCE,
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
    target.setFeatures(INCIDENT_MARKERS_SOURCE, buildIncidentMarkers(input.entities.incidents.values(), input.now)),
});

export const incidentMarkers = {
  id: 'incidentMarkers',
  toggle: { id: 'incidentMarkers', defaultVisible: true, legend: 'incidentMarkers', swatch: Object.values(INCIDENT_STATUS_COLOURS) },
  styleLayers: { marker: [incidentMarkerLayer] },
  sources: { incidentMarkers: INCIDENT_MARKERS_SOURCE },
  create: createIncidentMarkers,
} satisfies MapLayerDescriptor;
