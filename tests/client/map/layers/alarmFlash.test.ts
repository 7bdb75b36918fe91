import { describe, expect, it } from 'vitest';
import { ALARM_DISC_PERIOD_MS, ALARM_RING, buildAlarmFlashes, createAlarmFlash, discOpacity } from '../../../../client/map/layers/alarmFlash';
import type { LiveInput } from '../../../../client/map/binding/liveLayer';
import { HEAT_WINDOW_MS } from '../../../../client/map/binding/mapInput';
import { DEFAULT_VISIBILITY } from '../../../../client/map/layers/index';
import type { LiveFeature } from '../../../../client/map/binding/diffFeatures';
import { HOUR, MINUTE, T0, makeIncident } from '../../../shared/logic/logicFixtures';
import { sampleIndex } from '../mapFixtures';
import { publicNoticesOf } from '../../alarms/alarmNoticeFixtures';

const incidents = new Map(
  [
    makeIncident({ id: 'URGENT', priority: 'urgent', location: { lng: 119.1, lat: 26.1 }, dueAt: T0 + HOUR }),
    makeIncident({ id: 'LATE', dueAt: T0 + MINUTE }),
    makeIncident({ id: 'CALM' }),
    makeIncident({ id: 'ACKED', priority: 'urgent', dueAt: T0 + HOUR, alarmAcknowledgedAt: T0 + MINUTE }),
  ].map((i) => [i.id, i]),
);
const NOW = T0 + 10 * MINUTE;
const alarms = publicNoticesOf(incidents.values(), NOW);

const inputOf = (overrides: Partial<LiveInput> = {}): LiveInput => ({
  entities: { incidents, stations: new Map(), checkins: new Map() },
  version: 1,
  now: NOW,
  scope: '350121',
  heatWindowMs: HEAT_WINDOW_MS['24h'],
  heatPoints: null,
  choropleth: 'none',
  visibility: DEFAULT_VISIBILITY,
  alarms,
  regions: sampleIndex(),
  ...overrides,
});

describe('the alarm flash layer', () => {
  it('puts one flash at each alarm of the feed, at its incident, with its reason', () => {
    const flashes = buildAlarmFlashes(alarms);
    expect(flashes.map((f) => [f.properties.id, f.properties.reason])).toEqual([
      ['LATE', 'overdue'],
      ['URGENT', 'urgent'],
    ]);
    expect(flashes.find((f) => f.properties.id === 'URGENT')?.geometry).toEqual({ type: 'Point', coordinates: [119.1, 26.1] });
  });

  it('shows whatever the layer toggles say, but nothing on a screen without an alarm feed', () => {
    const layer = createAlarmFlash();
    const allOff = Object.fromEntries(Object.keys(DEFAULT_VISIBILITY).map((k) => [k, false])) as unknown as LiveInput['visibility'];
    expect(layer.visible(inputOf({ visibility: allOff }))).toBe(true);
    expect(layer.visible(inputOf({ alarms: null }))).toBe(false);
  });

  it('redraws when the feed sends a new list, not as the clock ticks, and animates only while there is an alarm', () => {
    const layer = createAlarmFlash();
    const sent: LiveFeature[][] = [];
    const paints: [string, string, number][] = [];
    const target = { setFeatures: (_id: string, features: readonly LiveFeature[]) => sent.push([...features]), setRegionStates: () => undefined };
    const animation = { setPaint: (id: string, property: string, value: number) => paints.push([id, property, value]), setFeatureProgress: () => undefined };
    layer.apply(target, inputOf({ alarms: [] }));
    expect(sent.at(-1)).toEqual([]);
    expect(layer.animate?.(animation, T0)).toBe(false);
    layer.apply(target, inputOf());
    expect(sent.at(-1)?.length).toBe(2);
    expect(layer.animate?.(animation, T0)).toBe(true);
    expect(paints.map(([id, property]) => `${id}/${property}`).sort()).toEqual([
      'alarm-flash-disc/circle-opacity',
      'alarm-flash-ring/circle-radius',
      'alarm-flash-ring/circle-stroke-opacity',
    ]);
    // Dependencies compare by identity: a new list from the feed redraws, a clock tick does not.
    const changed = (next: LiveInput) => layer.dependencies(next).some((value, i) => !Object.is(value, layer.dependencies(inputOf())[i]));
    expect(changed(inputOf({ now: NOW + 1000 }))).toBe(false);
    expect(changed(inputOf({ alarms: [...alarms] }))).toBe(true);
  });

  it('blinks its disc on for half of each period and sweeps its ring outwards', () => {
    expect(discOpacity(0)).toBeGreaterThan(0);
    expect(discOpacity(ALARM_DISC_PERIOD_MS / 2)).toBe(0);
    expect(discOpacity(ALARM_DISC_PERIOD_MS)).toBe(discOpacity(0));
    expect(ALARM_RING.toRadiusPx).toBeGreaterThan(ALARM_RING.fromRadiusPx);
  });
});
