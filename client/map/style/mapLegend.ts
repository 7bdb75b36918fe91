import { INCIDENT_STATUSES } from '../../../shared/domain/incident';
import { CHOROPLETH_SCALES } from '../binding/choroplethValues';
import type { ChoroplethMetric } from '../binding/mapInput';
import { CHOROPLETH_STOPS } from '../layers/choropleth';
import { STATION_STATUSES, STATION_TYPES } from '../../../shared/domain/station';
import { LAYER_TOGGLES } from '../layers/index';
import { INCIDENT_STATUS_COLOURS, NEW_PULSE_COLOUR, OVERDUE_COLOUR, SCOPE_HIGHLIGHT, STATION_STATUS_COLOURS, UNDERSERVED_COLOUR } from './palette';
import { STATION_SHAPES } from './stationIcons';

// What a legend beside the map needs, taken from the same constants the layers draw with so the two
// can never disagree. Labels are vue-i18n keys (client/i18n): the legend speaks the screen's language.

export interface LegendSwatch {
  key: string;
  /** The message key of its label, e.g. `legend.incidentStatuses.reported`. */
  labelKey: string;
  colour: string;
}

export const MAP_LEGEND = {
  /** One line per switchable layer, from the layer registry: a new layer brings its legend line. */
  layers: LAYER_TOGGLES.map((toggle) => ({ key: toggle.id, labelKey: `legend.layers.${toggle.legend}`, colours: toggle.swatch })),
  incidentStatuses: INCIDENT_STATUSES.map((status): LegendSwatch => ({
    key: status,
    labelKey: `legend.incidentStatuses.${status}`,
    colour: INCIDENT_STATUS_COLOURS[status],
  })),
  incidentAlerts: [
    { key: 'overdue', labelKey: 'legend.alerts.overdue', colour: OVERDUE_COLOUR },
    { key: 'new', labelKey: 'legend.alerts.new', colour: NEW_PULSE_COLOUR },
  ] satisfies LegendSwatch[],
  /** What the map draws on the regions themselves, beside the choropleth. */
  regions: [
    { key: 'scope', labelKey: 'legend.regions.scope', colour: SCOPE_HIGHLIGHT },
    { key: 'underserved', labelKey: 'legend.regions.underserved', colour: UNDERSERVED_COLOUR },
  ] satisfies LegendSwatch[],
  stationStatuses: STATION_STATUSES.map((status): LegendSwatch => ({
    key: status,
    labelKey: `stationStatuses.${status}`,
    colour: STATION_STATUS_COLOURS[status],
  })),
  /** Station types by shape; `shape` names the outline drawn by stationIcons.ts. */
  stationTypes: STATION_TYPES.map((type) => ({ key: type, labelKey: `stationTypes.${type}`, shape: STATION_SHAPES[type].name })),
} as const;

/** One class edge of the choropleth legend: its colour and the raw value it is drawn at. */
export interface ChoroplethLegendStop {
  colour: string;
  value: number;
}

/**
 * The graduated legend of a choropleth metric: the fill's own ramp stops (layers/choropleth.ts) at
 * their raw values on the metric's full scale (binding/choroplethValues.ts); the last is "and above".
 */
export const choroplethLegend = (metric: Exclude<ChoroplethMetric, 'none'>): ChoroplethLegendStop[] =>
  CHOROPLETH_STOPS.map(({ at, colour }) => ({ colour, value: at * CHOROPLETH_SCALES[metric].fullScale }));
