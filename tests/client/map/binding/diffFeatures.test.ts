import { describe, expect, it } from 'vitest';
import { diffFeatures, type LiveFeature } from '../../../../client/map/binding/diffFeatures';
import { buildIncidentMarkers } from '../../../../client/map/layers/incidentMarkers';
import { HOUR, T0, makeIncident } from '../mapFixtures';

const point = (id: string, lng: number, extra: Record<string, string | number | boolean> = {}): LiveFeature => ({
  type: 'Feature',
  properties: { id, ...extra },
  geometry: { type: 'Point', coordinates: [lng, 26] },
});

const byId = (features: LiveFeature[]) => new Map(features.map((f) => [f.properties.id, f]));

describe('diffing live features', () => {
  it('is null when nothing changed, even for freshly built objects', () => {
    const { diff } = diffFeatures(byId([point('a', 119, { status: 'reported' })]), [point('a', 119, { status: 'reported' })]);
    expect(diff).toBeNull();
  });

  it('adds new ids, removes gone ones and updates only the changed properties', () => {
    const previous = byId([point('a', 119, { status: 'reported', rank: 1 }), point('b', 119.1)]);
    const { diff, current } = diffFeatures(previous, [point('a', 119, { status: 'accepted', rank: 1 }), point('c', 119.2)]);
    expect(diff).toEqual({
      remove: ['b'],
      add: [point('c', 119.2)],
      update: [{ id: 'a', addOrUpdateProperties: [{ key: 'status', value: 'accepted' }] }],
    });
    expect([...current.keys()]).toEqual(['a', 'c']);
  });

  it('moves a feature whose point moved and drops properties it lost', () => {
    const { diff } = diffFeatures(byId([point('a', 119, { fresh: true })]), [point('a', 119.5)]);
    expect(diff?.update).toEqual([{ id: 'a', newGeometry: { type: 'Point', coordinates: [119.5, 26] }, removeProperties: ['fresh'] }]);
  });

  it('sends one update when one of 2,000 incidents moves on', () => {
    const now = T0 + HOUR;
    const incidents = Array.from({ length: 2000 }, (_, i) => makeIncident({ id: `INC-${i}`, location: { lng: 119 + i / 1e4, lat: 26 } }));
    const first = diffFeatures(new Map(), buildIncidentMarkers(incidents, now));
    expect(first.diff?.add).toHaveLength(2000);
    incidents[1234] = { ...incidents[1234]!, status: 'accepted' };
    const second = diffFeatures(first.current, buildIncidentMarkers(incidents, now));
    expect(second.diff).toEqual({ update: [{ id: 'INC-1234', addOrUpdateProperties: [{ key: 'status', value: 'accepted' }] }] });
  });
});
