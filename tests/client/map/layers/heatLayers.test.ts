import { describe, expect, it } from 'vitest';
import { HEAT_WEIGHT_BY_PRIORITY, buildIncidentHeat, heatFeaturesOf } from '../../../../client/map/layers/incidentHeat';
import { CHECKED_OUT_TODAY_WEIGHT, ON_DUTY_WEIGHT, buildVolunteerHeat } from '../../../../client/map/layers/volunteerHeat';
import { HEAT_WINDOW_MS } from '../../../../client/map/binding/mapInput';
import { HOUR, T0, makeCheckin, makeIncident } from '../mapFixtures';

describe('the incident heatmap', () => {
  const now = T0 + 2 * HOUR;

  it('weighs incidents by priority, urgent heaviest', () => {
    expect(HEAT_WEIGHT_BY_PRIORITY.urgent).toBeGreaterThan(HEAT_WEIGHT_BY_PRIORITY.high);
    expect(HEAT_WEIGHT_BY_PRIORITY.high).toBeGreaterThan(HEAT_WEIGHT_BY_PRIORITY.normal);
    expect(HEAT_WEIGHT_BY_PRIORITY.normal).toBeGreaterThan(HEAT_WEIGHT_BY_PRIORITY.low);
    const [feature] = buildIncidentHeat([makeIncident({ priority: 'urgent' })], now, HEAT_WINDOW_MS['24h']);
    expect(feature?.properties).toEqual({ id: 'INC-1', w: HEAT_WEIGHT_BY_PRIORITY.urgent });
  });

  it('counts the incidents reported within the window, open or closed', () => {
    const incidents = [
      makeIncident({ id: 'today', status: 'resolved' }),
      makeIncident({ id: 'three-days-ago', reportedAt: now - 72 * HOUR }),
    ];
    expect(buildIncidentHeat(incidents, now, HEAT_WINDOW_MS['24h']).map((f) => f.properties.id)).toEqual(['today']);
    expect(buildIncidentHeat(incidents, now, HEAT_WINDOW_MS['7d'])).toHaveLength(2);
  });

  it('draws incidents closed long ago from their heat points, weighed alike', () => {
    const closed = { id: 'closed-yesterday', location: { lng: 119.1, lat: 26.1 }, priority: 'high' as const, reportedAt: now - 30 * HOUR };
    const features = buildIncidentHeat([makeIncident({ id: 'open' })], now, HEAT_WINDOW_MS['7d'], [closed]);
    expect(features.map((f) => [f.properties.id, f.properties.w])).toEqual([
      ['open', HEAT_WEIGHT_BY_PRIORITY.normal],
      ['closed-yesterday', HEAT_WEIGHT_BY_PRIORITY.high],
    ]);
    expect(buildIncidentHeat([], now, HEAT_WINDOW_MS['24h'], [closed])).toEqual([]);
  });

  it('draws the server’s points of a 30-day window as they came, a place and a weight each', () => {
    const features = heatFeaturesOf([
      [119.1, 26.2, HEAT_WEIGHT_BY_PRIORITY.urgent],
      [119.2, 26.3, HEAT_WEIGHT_BY_PRIORITY.low],
    ]);
    expect(features.map((f) => [f.geometry, f.properties.w])).toEqual([
      [{ type: 'Point', coordinates: [119.1, 26.2] }, 1],
      [{ type: 'Point', coordinates: [119.2, 26.3] }, 0.1],
    ]);
    expect(new Set(features.map((f) => f.properties.id)).size).toBe(2);
    expect(HEAT_WINDOW_MS['30d']).toBe(30 * 24 * HOUR);
  });
});

describe('the volunteer heatmap', () => {
  // T0 is 10:00 in Shanghai, so the local day started ten hours earlier.
  const now = T0 + HOUR;

  it('counts members on duty fully and today’s finished check-ins faintly', () => {
    const checkins = [
      makeCheckin({ id: 'on-duty' }),
      makeCheckin({ id: 'done-today', checkedOutAt: T0 + HOUR / 2 }),
      makeCheckin({ id: 'done-yesterday', checkedInAt: T0 - 20 * HOUR, checkedOutAt: T0 - 18 * HOUR }),
    ];
    expect(buildVolunteerHeat(checkins, now).map((f) => [f.properties.id, f.properties.w])).toEqual([
      ['on-duty', ON_DUTY_WEIGHT],
      ['done-today', CHECKED_OUT_TODAY_WEIGHT],
    ]);
  });
});
