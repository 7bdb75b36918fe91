import { describe, expect, it } from 'vitest';
import { markerReachPx, markerShown, nearestMarker, type MarkerCandidate } from '../../../../client/map/engine/markerPick';

const incident = (id: string, x: number, y: number, properties: Record<string, unknown> = {}): MarkerCandidate => ({
  layer: 'incident-markers',
  properties: { id, rank: 1, overdue: false, fresh: false, closed: false, ...properties },
  x,
  y,
});
const station = (id: string, x: number, y: number, major = false): MarkerCandidate => ({ layer: 'station-markers', properties: { id, major }, x, y });

describe('the marker a click picks', () => {
  it('is the drawn marker nearest the pointer, within the reach of a shaky remote pointer', () => {
    const candidates = [incident('far', 110, 100), incident('near', 104, 103), station('S', 120, 100)];
    expect(nearestMarker(candidates, { x: 100, y: 100 }, 14, 12)).toEqual({ kind: 'incident', id: 'near' });
    expect(nearestMarker(candidates, { x: 60, y: 60 }, 14, 12)).toBeNull();
  });

  it('is a station when the station is the nearer one', () => {
    expect(nearestMarker([incident('I', 110, 100), station('S', 101, 100)], { x: 100, y: 100 }, 14, 12)).toEqual({ kind: 'station', id: 'S' });
  });

  it('skips what is not drawn at this zoom: ordinary incidents under the clusters, closed ones far out; stations at county scale, where a click drills into the community they sit in', () => {
    expect(markerShown(incident('ordinary', 0, 0), 10)).toBe(false);
    expect(markerShown(incident('urgent', 0, 0, { rank: 3 }), 10)).toBe(true);
    expect(markerShown(incident('overdue', 0, 0, { overdue: true }), 10)).toBe(true);
    expect(markerShown(incident('closed', 0, 0, { closed: true }), 11)).toBe(false);
    expect(markerShown(incident('closed', 0, 0, { closed: true }), 13)).toBe(true);
    expect(markerShown(station('small', 0, 0), 9.5)).toBe(false);
    expect(markerShown(station('centre', 0, 0, true), 9.5)).toBe(false);
    expect(markerShown(station('small', 0, 0), 11)).toBe(true);
    expect(nearestMarker([incident('ordinary', 100, 100)], { x: 100, y: 100 }, 10, 12)).toBeNull();
  });

  it('reaches further close up, for a shaky remote pointer, than zoomed out, where a click is mostly a drill', () => {
    expect(markerReachPx(14)).toBeGreaterThan(markerReachPx(9.5));
  });
});
