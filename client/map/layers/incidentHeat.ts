import type { HeatmapLayerSpecification } from 'maplibre-gl';
import { HEAT_WEIGHT_BY_PRIORITY, type HeatTuple } from '../../../shared/contract/heat';
import type { Incident } from '../../../shared/domain/incident';
import type { LiveFeature } from '../binding/diffFeatures';
import type { LiveLayer } from '../binding/liveLayer';
import { INCIDENT_HEAT_RAMP } from '../style/palette';
import { heatmapPaint } from '../style/heatmapPaint';
import { pointFeature } from '../binding/pointFeature';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

/** The live source this layer fills (created empty by the offline style, from the registry). */
export const INCIDENT_HEAT_SOURCE = 'incident-heat';

// Where the county's trouble is: every incident reported in the window (24 h, 7 d or 30 d), open or closed,
// since a place that keeps generating work is a hot spot even when the work gets done.

/** The weights are the contract's, so the server's heat points (ROUTES.heat) weigh the same. */
export { HEAT_WEIGHT_BY_PRIORITY } from '../../../shared/contract/heat';

const MINUTE_MS = 60_000;

type HeatSource = Pick<Incident, 'id' | 'location' | 'priority' | 'reportedAt'>;

/** Incidents, and the heat points of those closed a while ago, reported within the window. */
export const buildIncidentHeat = (incidents: Iterable<HeatSource>, now: number, windowMs: number, closed: Iterable<HeatSource> = []): LiveFeature[] => {
  const features: LiveFeature[] = [];
  for (const source of [incidents, closed]) {
    for (const incident of source) {
      const age = now - incident.reportedAt;
      if (age < 0 || age > windowMs) continue;
      features.push(pointFeature(incident.location, { id: incident.id, w: HEAT_WEIGHT_BY_PRIORITY[incident.priority] }));
    }
  }
  return features;
};

/** The server's points of a long window as heat features (ids by position: the set is replaced whole). */
export const heatFeaturesOf = (points: readonly HeatTuple[]): LiveFeature[] =>
  points.map(([lng, lat, w], i) => pointFeature({ lng, lat }, { id: `h${i}`, w }));

export const incidentHeatLayer: HeatmapLayerSpecification = {
  id: 'incident-heat',
  type: 'heatmap',
  source: INCIDENT_HEAT_SOURCE,
  maxzoom: 16,
  // Wide at county scale, where a whole community is a few pixels and the glow is the message;
  // close up, the markers themselves tell it better.
  paint: heatmapPaint(INCIDENT_HEAT_RAMP, { intensity: [8, 1.2, 14, 2], radius: [8, 16, 11, 26, 15, 48], opacity: [12, 0.85, 16, 0] }),
};

export const createIncidentHeat = (): LiveLayer => ({
  name: 'incidentHeat',
  layerIds: [incidentHeatLayer.id],
  visible: (input) => input.visibility.incidentHeat,
  // Ageing out of the window is checked once a minute: a heatmap does not need second precision.
  dependencies: (input) => [input.entities, input.version, input.heatWindowMs, input.heatPoints, Math.floor(input.now / MINUTE_MS)],
  apply: (target, input) =>
    target.setFeatures(
      INCIDENT_HEAT_SOURCE,
      input.heatPoints
        ? heatFeaturesOf(input.heatPoints)
        : buildIncidentHeat(input.entities.incidents.values(), input.now, input.heatWindowMs, input.entities.closedIncidentHeat?.values()),
    ),
});

export const incidentHeat = {
  id: 'incidentHeat',
  toggle: { id: 'incidentHeat', defaultVisible: true, legend: 'incidentHeat', swatch: INCIDENT_HEAT_RAMP },
  styleLayers: { heat: [incidentHeatLayer] },
  sources: { incidentHeat: INCIDENT_HEAT_SOURCE },
  create: createIncidentHeat,
} satisfies MapLayerDescriptor;
