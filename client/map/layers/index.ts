import type { LayerSpecification } from 'maplibre-gl';
import type { LiveLayer } from '../liveLayer';
import { alarmDiscLayer, alarmRingLayer, createAlarmFlash } from './alarmFlash';
import { background } from './background';
import { createCheckinRipples, checkinRippleLayer } from './checkinRipples';
import { choroplethLayers, createChoropleth } from './choropleth';
import { communityFill, communityLabel, communityLine } from './communities';
import { compoundFill, compoundLabel, compoundLine } from './compounds';
import { contextFill, contextLabel, contextLine } from './contextDistricts';
import { countyGlow, countyLine } from './countyOutline';
import { gridFill, gridLabel, gridLine } from './grids';
import { createIncidentHeat, incidentHeatLayer } from './incidentHeat';
import { createIncidentMarkers, incidentMarkerLayer } from './incidentMarkers';
import { createIncidentPulse, newIncidentPulseLayer, overduePulseLayer } from './incidentPulse';
import { createScopeHighlight, scopeDimLayers, scopeOutlineLayers } from './scopeHighlight';
import { createServiceCircles, serviceCircleFill, serviceCircleLine, underservedCompoundFill } from './serviceCircles';
import { createStationMarkers, stationMarkerLayer } from './stationMarkers';
import { streetFill, streetLabel, streetLine } from './streets';
import { createVolunteerHeat, volunteerHeatLayer } from './volunteerHeat';

/**
 * Draw order, bottom to top.
 * - Region fills go finer upwards (a compound sits on its community), then what colours them: the
 *   choropleth, the 15-minute circles and their gaps, and the dimming of whatever is outside the scope.
 * - Outlines go the other way (a street line stays visible over the grid lines inside it); the scope's
 *   bright outline and the county outline top them.
 * - Heat sits over the outlines but under every marker, volunteers under incidents.
 * - Markers: stations, then incidents with their pulses, then check-in ripples (short-lived), then the
 *   alarm flash over everything live: an alarm must never hide under a ripple.
 * - Labels come last, coarser ones on top since MapLibre places the top layer first.
 */
export const MAP_LAYERS: readonly LayerSpecification[] = [
  background,
  contextFill,
  streetFill,
  communityFill,
  compoundFill,
  gridFill,
  ...choroplethLayers,
  serviceCircleFill,
  underservedCompoundFill,
  ...scopeDimLayers,
  contextLine,
  gridLine,
  compoundLine,
  communityLine,
  streetLine,
  serviceCircleLine,
  ...scopeOutlineLayers,
  countyGlow,
  countyLine,
  volunteerHeatLayer,
  incidentHeatLayer,
  stationMarkerLayer,
  incidentMarkerLayer,
  overduePulseLayer,
  newIncidentPulseLayer,
  checkinRippleLayer,
  alarmDiscLayer,
  alarmRingLayer,
  gridLabel,
  compoundLabel,
  communityLabel,
  contextLabel,
  streetLabel,
];

/**
 * A fresh set of live-layer controllers for one map (some keep state, such as the check-ins already
 * seen). The order is the order they apply in: scope first, so a drill-down dims before data redraws.
 */
export const createLiveLayers = (): LiveLayer[] => [
  createScopeHighlight(),
  createChoropleth(),
  createServiceCircles(),
  createVolunteerHeat(),
  createIncidentHeat(),
  createStationMarkers(),
  createIncidentMarkers(),
  createIncidentPulse(),
  createCheckinRipples(),
  createAlarmFlash(),
];

/** Every style layer that draws live data (or the scope), for toggles, legends and tests. */
export const LIVE_LAYER_IDS: readonly string[] = createLiveLayers().flatMap((layer) => layer.layerIds);
