import type { CircleLayerSpecification, ExpressionSpecification, GeoJSONSourceSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Incident } from '../../../shared/domain/incident';
import { isClosed, isOverdue } from '../../../shared/logic/sla';
import { shanghaiDayStart } from '../../../shared/logic/shanghaiTime';
import type { LiveFeature } from '../binding/diffFeatures';
import type { LiveLayer } from '../binding/liveLayer';
import { pointFeature } from '../binding/pointFeature';
import { LABEL_FONT_BOLD } from '../style/labelFonts';
import { INCIDENT_STATUS_COLOURS, OVERDUE_COLOUR, PALETTE } from '../style/palette';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

export const INCIDENT_CLUSTERS_SOURCE = 'incident-clusters';

/** Below this zoom incidents are drawn as clusters; from it on, as the incident markers. */
export const CLUSTERS_UNTIL_ZOOM = 12;

/**
 * The four lifecycle groups a cluster counts, each incident in exactly one, defined as the KPI
 * tiles are: open = waiting + handling + overdue (every open incident), overdue, resolved today.
 */
export const CLUSTER_GROUPS = ['waiting', 'handling', 'overdue', 'resolvedToday'] as const;
export type ClusterGroup = (typeof CLUSTER_GROUPS)[number];

/** The group of an incident at `now`, or null for one closed before today (no tile counts it). */
export const clusterGroupOf = (incident: Incident, now: number): ClusterGroup | null => {
  if (isClosed(incident)) {
    const resolvedAt = incident.resolvedAt;
    return resolvedAt !== undefined && resolvedAt >= shanghaiDayStart(now) && resolvedAt <= now ? 'resolvedToday' : null;
  }
  if (isOverdue(incident, now)) return 'overdue';
  return incident.status === 'reported' ? 'waiting' : 'handling';
};

/** One point per counted incident, carrying 1 in its group's property: clusters sum them. */
export const buildClusterPoints = (incidents: Iterable<Incident>, now: number): LiveFeature[] => {
  const features: LiveFeature[] = [];
  for (const incident of incidents) {
    const group = clusterGroupOf(incident, now);
    if (group === null) continue;
    const counts = Object.fromEntries(CLUSTER_GROUPS.map((g) => [g, g === group ? 1 : 0]));
    features.push(pointFeature(incident.location, { id: incident.id, ...counts }));
  }
  return features;
};

const sum = (group: ClusterGroup): ExpressionSpecification => ['+', ['get', group]];

/** Clustering is done by MapLibre's worker; each cluster sums its points' groups. */
export const incidentClusterSource: Partial<GeoJSONSourceSpecification> = {
  cluster: true,
  clusterMaxZoom: CLUSTERS_UNTIL_ZOOM - 1,
  clusterRadius: 48,
  clusterProperties: Object.fromEntries(CLUSTER_GROUPS.map((g) => [g, sum(g)])),
};

const GROUP_COLOURS: Readonly<Record<ClusterGroup, string>> = {
  waiting: INCIDENT_STATUS_COLOURS.reported,
  handling: INCIDENT_STATUS_COLOURS.in_progress,
  overdue: OVERDUE_COLOUR,
  resolvedToday: INCIDENT_STATUS_COLOURS.resolved,
};

const count = (groups: readonly ClusterGroup[]): ExpressionSpecification =>
  groups.length === 1 ? ['get', groups[0]!] : ['+', ...groups.map((g): ExpressionSpecification => ['get', g])];
/** Area grows with the count (radius ∝ √n), so nested discs read as shares of the whole. */
const radiusOf = (groups: readonly ClusterGroup[]): ExpressionSpecification => ['*', 4.5, ['sqrt', count(groups)]];

/**
 * Nested discs, outermost = everything counted: each inner disc is the part still open, then open
 * but not handled, then overdue on top, so every colour's visible ring is that group's share.
 */
const NESTING: readonly { group: ClusterGroup; groups: ClusterGroup[] }[] = [
  { group: 'resolvedToday', groups: ['waiting', 'handling', 'overdue', 'resolvedToday'] },
  { group: 'handling', groups: ['waiting', 'handling', 'overdue'] },
  { group: 'waiting', groups: ['waiting', 'overdue'] },
  { group: 'overdue', groups: ['overdue'] },
];

export const incidentClusterLayers: CircleLayerSpecification[] = NESTING.map(({ group, groups }) => ({
  id: `incident-clusters-${group}`,
  type: 'circle',
  source: INCIDENT_CLUSTERS_SOURCE,
  maxzoom: CLUSTERS_UNTIL_ZOOM,
  filter: ['>', count([group]), 0],
  paint: {
    'circle-color': GROUP_COLOURS[group],
    'circle-radius': radiusOf(groups),
    'circle-stroke-color': PALETTE.ground,
    'circle-stroke-width': 1,
    'circle-opacity': 0.92,
  },
}));

export const incidentClusterCountLayer: SymbolLayerSpecification = {
  id: 'incident-clusters-count',
  type: 'symbol',
  source: INCIDENT_CLUSTERS_SOURCE,
  maxzoom: CLUSTERS_UNTIL_ZOOM,
  filter: ['has', 'point_count'],
  layout: {
    'text-field': ['to-string', ['get', 'point_count']],
    'text-font': LABEL_FONT_BOLD,
    'text-size': 12,
    'text-allow-overlap': true,
  },
  paint: { 'text-color': '#ffffff', 'text-halo-color': PALETTE.ground, 'text-halo-width': 1.5 },
};

const SECOND_MS = 1000;

export const incidentClusters = {
  id: 'incidentClusters',
  follows: 'incidentMarkers',
  styleLayers: { marker: [...incidentClusterLayers, incidentClusterCountLayer] },
  sources: { incidentClusters: INCIDENT_CLUSTERS_SOURCE },
  sourceOptions: { [INCIDENT_CLUSTERS_SOURCE]: incidentClusterSource },
  create: (): LiveLayer => ({
    name: 'incidentClusters',
    layerIds: [...incidentClusterLayers.map((layer) => layer.id), incidentClusterCountLayer.id],
    visible: (input) => input.visibility.incidentMarkers,
    // Overdue turns with the clock: rebuilt (and diffed) once a second, as the markers are.
    dependencies: (input) => [input.entities, input.version, Math.floor(input.now / SECOND_MS)],
    apply: (target, input) => target.setFeatures(INCIDENT_CLUSTERS_SOURCE, buildClusterPoints(input.entities.incidents.values(), input.now)),
  }),
} satisfies MapLayerDescriptor;
