import { describe, expect, it } from 'vitest';
import { CLOSED_MARKER_MS, NEW_INCIDENT_MS, buildIncidentMarkers } from '../../../../client/map/layers/incidentMarkers';
import { HOUR, MINUTE, T0, makeIncident } from '../mapFixtures';

describe('incident markers', () => {
  it('put each open incident at its location with its status and priority rank', () => {
    const [marker] = buildIncidentMarkers([makeIncident({ status: 'dispatched', priority: 'urgent' })], T0 + HOUR);
    expect(marker).toEqual({
      type: 'Feature',
      properties: { id: 'INC-1', status: 'dispatched', rank: 3, overdue: false, fresh: false, closed: false },
      geometry: { type: 'Point', coordinates: [119.2, 26.05] },
    });
  });

  it('flag an incident as new for its first ten seconds', () => {
    const incident = makeIncident();
    expect(buildIncidentMarkers([incident], T0 + NEW_INCIDENT_MS - 1)[0]?.properties.fresh).toBe(true);
    expect(buildIncidentMarkers([incident], T0 + NEW_INCIDENT_MS)[0]?.properties.fresh).toBe(false);
  });

  it('flag an open incident past its deadline as overdue, by the clock passed in', () => {
    const incident = makeIncident({ dueAt: T0 + HOUR });
    expect(buildIncidentMarkers([incident], T0 + HOUR)[0]?.properties.overdue).toBe(false);
    expect(buildIncidentMarkers([incident], T0 + HOUR + 1)[0]?.properties.overdue).toBe(true);
  });

  it('keep a closed incident for an hour after it was closed, then drop it', () => {
    const resolved = makeIncident({ status: 'resolved', resolvedAt: T0 + 10 * MINUTE, dueAt: T0 });
    const [marker] = buildIncidentMarkers([resolved], T0 + 10 * MINUTE + CLOSED_MARKER_MS);
    expect(marker?.properties).toMatchObject({ closed: true, overdue: false });
    expect(buildIncidentMarkers([resolved], T0 + 10 * MINUTE + CLOSED_MARKER_MS + 1)).toEqual([]);
  });
});
