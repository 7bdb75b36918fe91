import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../../../shared/domain/incident';
import { STATION_STATUSES } from '../../../../shared/domain/station';
import { buildIncidentMarkers, incidentMarkerLayer } from '../../../../client/map/layers/incidentMarkers';
import { buildStationMarkers, stationMarkerLayer } from '../../../../client/map/layers/stationMarkers';
import { INCIDENT_STATUS_COLOURS, OVERDUE_COLOUR, STATION_STATUS_COLOURS } from '../../../../client/map/style/palette';
import { HOUR, T0, makeIncident, makeStation } from '../mapFixtures';

type Properties = Record<string, unknown>;

/**
 * Evaluates a layer's paint property for one feature at one zoom with MapLibre's own expression
 * engine, the one the map runs: the layer files' expressions are checked as they will be drawn.
 */
const paintOf = (layer: LayerSpecification, property: string, properties: Properties, zoom: number): unknown => {
  const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`]![property];
  const value = (layer.paint as Record<string, unknown>)[property];
  const compiled = expression.createPropertyExpression(value, property, spec as never);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  return compiled.value.evaluate({ zoom }, { type: 'Point', properties } as never);
};

const colour = (css: string): string => {
  const compiled = expression.createExpression(css, 'colour', { type: 'color' } as never);
  if (compiled.result !== 'success') throw new Error(css);
  return String(compiled.value.evaluate({ zoom: 0 }));
};

describe('the incident marker style', () => {
  const markerProperties = (overrides: Parameters<typeof makeIncident>[0]) =>
    buildIncidentMarkers([makeIncident(overrides)], T0 + HOUR)[0]!.properties;

  it('colours each lifecycle status with its legend colour', () => {
    for (const status of INCIDENT_STATUSES) {
      const painted = paintOf(incidentMarkerLayer, 'circle-color', markerProperties({ status, resolvedAt: T0 + HOUR }), 12);
      expect(String(painted), status).toBe(colour(INCIDENT_STATUS_COLOURS[status]));
    }
  });

  it('rings an overdue incident in red', () => {
    const painted = paintOf(incidentMarkerLayer, 'circle-stroke-color', markerProperties({ dueAt: T0 }), 12);
    expect(String(painted)).toBe(colour(OVERDUE_COLOUR));
  });

  it('shows only what needs a leader at county scale, and every open incident close up', () => {
    const ordinary = markerProperties({ priority: 'normal' });
    const urgent = markerProperties({ priority: 'urgent' });
    expect(paintOf(incidentMarkerLayer, 'circle-opacity', ordinary, 9)).toBe(0);
    expect(paintOf(incidentMarkerLayer, 'circle-opacity', urgent, 9)).toBe(1);
    expect(paintOf(incidentMarkerLayer, 'circle-opacity', ordinary, 13)).toBe(1);
  });
});

describe('the station marker style', () => {
  it('tints the icon with the status colour', () => {
    for (const status of STATION_STATUSES) {
      const properties = buildStationMarkers([makeStation({ status })])[0]!.properties;
      expect(String(paintOf(stationMarkerLayer, 'icon-color', properties, 12)), status).toBe(colour(STATION_STATUS_COLOURS[status]));
    }
  });
});
