import type { MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { createLiveLayers } from '../../../../client/map/layers/index';
import { HELD_RIPPLE_PROGRESS } from '../../../../client/map/layers/checkinRipples';
import { LiveBinding } from '../../../../client/map/binding/LiveBinding';
import type { AlarmNotice } from '../../../../shared/contract/alarms';
import type { LiveInput } from '../../../../client/map/binding/liveLayer';
import { HEAT_WINDOW_MS, type MapEntities } from '../../../../client/map/binding/mapInput';
import { DEFAULT_VISIBILITY } from '../../../../client/map/layers/index';
import { HOUR, SAMPLE_GRID_PATH, T0, makeCheckin, makeIncident, makeStation, sampleIndex } from '../mapFixtures';

type Call = [method: string, ...args: unknown[]];

/**
 * The slice of a MapLibre map the binding talks to, recording every call. The real map is exercised
 * by the browser tests; this one shows what crosses the boundary, call by call.
 */
const recordingMap = () => {
  const calls: Call[] = [];
  const source = (id: string) => ({
    setData: async (data: unknown) => void calls.push(['setData', id, data]),
    updateData: async (diff: unknown) => void calls.push(['updateData', id, diff]),
  });
  const map = {
    getSource: (id: string) => source(id),
    getLayer: (id: string) => ({ id }),
    setLayoutProperty: (...args: unknown[]) => calls.push(['setLayoutProperty', ...args]),
    setPaintProperty: (...args: unknown[]) => calls.push(['setPaintProperty', ...args]),
    setFeatureState: (...args: unknown[]) => calls.push(['setFeatureState', ...args]),
    removeFeatureState: (...args: unknown[]) => calls.push(['removeFeatureState', ...args]),
  };
  const take = (method?: string) => calls.splice(0).filter(([name]) => method === undefined || name === method);
  return { map: map as unknown as MapLibreMap, take };
};

const entitiesOf = (incidents = [makeIncident({ regionPath: SAMPLE_GRID_PATH })]): MapEntities => ({
  incidents: new Map(incidents.map((i) => [i.id, i])),
  stations: new Map([['ST-1', makeStation()]]),
  checkins: new Map([['CK-1', makeCheckin({ checkedInAt: T0 - 2 * HOUR })]]),
});

const inputOf = (overrides: Partial<LiveInput> = {}): LiveInput => ({
  entities: entitiesOf(),
  version: 1,
  now: T0 + HOUR,
  scope: '350121',
  heatWindowMs: HEAT_WINDOW_MS['24h'],
  heatPoints: null,
  choropleth: 'none',
  visibility: DEFAULT_VISIBILITY,
  alarms: null,
  regions: sampleIndex(),
  ...overrides,
});

describe('the live binding', () => {
  it('fills each visible live source once, then sends nothing while nothing changes', () => {
    const { map, take } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    const input = inputOf();
    binding.apply(input);
    const filled = take('setData').map(([, id]) => id);
    expect(filled).toEqual(['volunteer-heat', 'incident-heat', 'station-markers', 'incident-markers', 'incident-clusters', 'checkin-ripples']);
    binding.apply({ ...input, now: input.now + 100 });
    expect(take().filter(([name]) => name !== 'setLayoutProperty')).toEqual([]);
  });

  it('sends a new batch as diffs to the sources it touches, never as whole sources', () => {
    const { map, take } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    const entities = entitiesOf();
    binding.apply(inputOf({ entities, version: 1 }));
    take();
    (entities.incidents as Map<string, ReturnType<typeof makeIncident>>).set(
      'INC-2',
      makeIncident({ id: 'INC-2', regionPath: SAMPLE_GRID_PATH, reportedAt: T0 + HOUR - 1000 }),
    );
    binding.apply(inputOf({ entities, version: 2 }));
    const sent = take();
    expect(sent.filter(([name]) => name === 'setData')).toEqual([]);
    expect(sent.filter(([name]) => name === 'updateData').map(([, id]) => id)).toEqual(['incident-heat', 'incident-markers', 'incident-clusters']);
  });

  it('highlights a drilled-into scope by feature-state and lets go of it when the scope changes', () => {
    const { map, take } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    binding.apply(inputOf({ scope: '350121001001' }));
    expect(take('setFeatureState')).toEqual([
      ['setFeatureState', { source: 'community-shapes', id: '350121001001' }, { selected: true }],
      ['setFeatureState', { source: 'street-shapes', id: '350121002' }, { outside: true }],
    ]);
    binding.apply(inputOf({ scope: '350121' }));
    expect(take('removeFeatureState')).toEqual([
      ['removeFeatureState', { source: 'community-shapes', id: '350121001001' }, 'selected'],
      ['removeFeatureState', { source: 'street-shapes', id: '350121002' }, 'outside'],
    ]);
  });

  it('neither computes nor draws a hidden layer, and catches it up when it is shown', () => {
    const { map, take } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    binding.apply(inputOf());
    expect(take('setLayoutProperty')).toContainEqual(['setLayoutProperty', 'service-circle-fill', 'visibility', 'none']);
    binding.apply(inputOf({ visibility: { ...DEFAULT_VISIBILITY, serviceCircles: true } }));
    const sent = take();
    expect(sent).toContainEqual(['setLayoutProperty', 'service-circle-fill', 'visibility', 'visible']);
    expect(sent.filter(([name]) => name === 'setData').map(([, id]) => id)).toEqual(['service-circles']);
  });

  it('paints the choropleth metric as feature-state on the regions', () => {
    const { map, take } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    binding.apply(inputOf({ choropleth: 'openPerThousandHouseholds' }));
    const metrics = take('setFeatureState').filter(([, , state]) => 'metric' in (state as object));
    expect(metrics.map(([, target]) => (target as { id: string }).id).sort()).toEqual([
      '350121001001',
      '350121001001001',
      '35012100100100101',
      '35012100100100102',
      '350121002001',
    ]);
  });

  it('resends everything after a reset, as after a restored WebGL context', () => {
    const { map, take } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    const input = inputOf({ scope: '350121001001' });
    binding.apply(input);
    take();
    binding.reset();
    binding.apply(input);
    const sent = take();
    expect(sent.filter(([name]) => name === 'setData')).toHaveLength(6);
    expect(sent.filter(([name]) => name === 'setFeatureState')).toHaveLength(2);
  });

  it('animates the overdue pulse while an incident is overdue', () => {
    const { map, take } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    const overdue = makeIncident({ regionPath: SAMPLE_GRID_PATH, dueAt: T0 });
    expect(binding.apply(inputOf({ entities: entitiesOf([overdue]) }))).toBe(true);
    take();
    expect(binding.animate(T0 + HOUR)).toBe(true);
    expect(take('setPaintProperty').map(([, layer, property]) => `${layer} ${property}`)).toEqual([
      'incident-pulse-overdue circle-radius',
      'incident-pulse-overdue circle-stroke-opacity',
    ]);
  });

  it('holds the pulses still for a renderer too slow to animate, sending each paint once', () => {
    const { map, take } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    const overdue = makeIncident({ regionPath: SAMPLE_GRID_PATH, dueAt: T0 });
    binding.apply(inputOf({ entities: entitiesOf([overdue]) }));
    take();
    binding.hold();
    const held = take('setPaintProperty');
    expect(held).toContainEqual(['setPaintProperty', 'incident-pulse-overdue', 'circle-radius', expect.any(Number)]);
    expect(held.find(([, layer, property]) => layer === 'incident-pulse-overdue' && property === 'circle-stroke-opacity')?.[3]).toBeGreaterThan(0.3);
    // Every setPaintProperty repaints the map, unchanged value or not: holding again sends nothing.
    binding.hold();
    expect(take()).toEqual([]);
  });

  it('holds a fresh check-in ripple still as a visible ring, once', () => {
    const { map, take } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    const entities = { ...entitiesOf(), checkins: new Map([['CK-9', makeCheckin({ id: 'CK-9', checkedInAt: T0 + HOUR - 100 })]]) };
    binding.apply(inputOf({ entities }));
    take();
    binding.hold();
    expect(take('setFeatureState')).toEqual([['setFeatureState', { source: 'checkin-ripples', id: 'CK-9' }, { progress: HELD_RIPPLE_PROGRESS }]]);
    binding.hold();
    expect(take()).toEqual([]);
  });

  it('holds an alarm as a steady red disc in its ring instead of a blink', () => {
    const { map, take } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    const alarm = { incidentId: 'INC-1', location: { lng: 119.2, lat: 26.1 }, reason: 'urgent' } as unknown as AlarmNotice;
    binding.apply(inputOf({ alarms: [alarm] }));
    take();
    binding.hold();
    const held = take('setPaintProperty');
    expect(held).toContainEqual(['setPaintProperty', 'alarm-flash-disc', 'circle-opacity', expect.any(Number)]);
    expect(held.find(([, layer]) => layer === 'alarm-flash-disc')?.[3]).toBeGreaterThan(0);
    expect(held.find(([, layer, property]) => layer === 'alarm-flash-ring' && property === 'circle-stroke-opacity')?.[3]).toBeGreaterThan(0.3);
  });

  it('draws no scope layer at the county scope and only the levels a drilled-into scope needs', () => {
    const { map, take } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    binding.apply(inputOf({ scope: '350121' }));
    const shownAt = (calls: Call[]) =>
      calls.filter(([, layer, , value]) => String(layer).startsWith('scope-') && value === 'visible').map(([, layer]) => layer);
    const county = take('setLayoutProperty');
    expect(shownAt(county)).toEqual([]);
    expect(county.filter(([, layer]) => String(layer).startsWith('scope-'))).toHaveLength(8);
    binding.apply(inputOf({ scope: '350121001001' }));
    expect(shownAt(take('setLayoutProperty')).sort()).toEqual(['scope-dim-street', 'scope-outline-community']);
  });

  it('lets the animation sleep when nothing is new or overdue', () => {
    const { map } = recordingMap();
    const binding = new LiveBinding(map, createLiveLayers());
    binding.apply(inputOf());
    expect(binding.animate(T0 + HOUR)).toBe(false);
  });
});
