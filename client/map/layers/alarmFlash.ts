import type { CircleLayerSpecification } from 'maplibre-gl';
import type { AlarmNotice } from '../../../shared/contract/alarms';
import type { LiveFeature } from '../binding/diffFeatures';
import type { LiveLayer } from '../binding/liveLayer';
import { OVERDUE_COLOUR } from '../style/palette';
import { pointFeature } from '../binding/pointFeature';
import { heldPulseFrame, pulseFrame, type Pulse } from './incidentPulse';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

/** The live source this layer fills (created empty by the offline style, from the registry). */
export const ALARM_FLASH_SOURCE = 'alarm-flash';

// The alarm flash: a wide red ring sweeping out of every alarming incident and a red disc blinking
// under it — bigger and slower than the overdue pulse, so "someone must act now" reads from across
// the room. It shows whatever layers are switched off: an alarm is never optional on a wall. It
// draws the server's alarm feed, not the incidents of the region shown: an alarm in another street
// flashes too, wherever the tour has taken the camera.

export const ALARM_RING: Pulse = { periodMs: 1400, fromRadiusPx: 10, toRadiusPx: 56, maxOpacity: 1 };
/** The disc blinks on and off with the ring rather than growing. */
export const ALARM_DISC_PERIOD_MS = 1400;
const DISC_RADIUS_PX = 16;
const DISC_MAX_OPACITY = 0.55;

/** One point per active alarm, at the incident, with the alarm's reason. */
export const buildAlarmFlashes = (alarms: readonly AlarmNotice[]): LiveFeature[] =>
  alarms.map((alarm) => pointFeature(alarm.location, { id: alarm.incidentId, reason: alarm.reason }));

/** The disc's opacity at time `t`: full for the first half of each period, off for the second. */
export const discOpacity = (t: number): number =>
  ((t % ALARM_DISC_PERIOD_MS) + ALARM_DISC_PERIOD_MS) % ALARM_DISC_PERIOD_MS < ALARM_DISC_PERIOD_MS / 2 ? DISC_MAX_OPACITY : 0;

const instant = { duration: 0, delay: 0 };

export const alarmDiscLayer: CircleLayerSpecification = {
  id: 'alarm-flash-disc',
  type: 'circle',
  source: ALARM_FLASH_SOURCE,
  paint: {
    'circle-color': OVERDUE_COLOUR,
    'circle-radius': DISC_RADIUS_PX,
    'circle-opacity': 0,
    'circle-blur': 0.4,
    'circle-opacity-transition': instant,
  },
};

export const alarmRingLayer: CircleLayerSpecification = {
  id: 'alarm-flash-ring',
  type: 'circle',
  source: ALARM_FLASH_SOURCE,
  paint: {
    'circle-color': 'rgba(0,0,0,0)',
    'circle-radius': 0,
    'circle-stroke-color': OVERDUE_COLOUR,
    'circle-stroke-width': 5,
    'circle-stroke-opacity': 0,
    // Set every frame: MapLibre's default 300 ms transition would smear the ring and keep the map busy.
    'circle-radius-transition': instant,
    'circle-stroke-opacity-transition': instant,
  },
};

export const createAlarmFlash = (): LiveLayer => {
  let count = 0;
  return {
    name: 'alarmFlash',
    layerIds: [alarmDiscLayer.id, alarmRingLayer.id],
    visible: (input) => input.alarms !== null,
    // The feed sends a new list whenever one begins or ends, overdue ones included: no clock here.
    dependencies: (input) => [input.alarms],
    apply: (target, input) => {
      const features = buildAlarmFlashes(input.alarms ?? []);
      count = features.length;
      target.setFeatures(ALARM_FLASH_SOURCE, features);
    },
    animate: (target, frameNow) => {
      if (count === 0) return false;
      const ring = pulseFrame(ALARM_RING, frameNow);
      target.setPaint(alarmRingLayer.id, 'circle-radius', ring.radiusPx);
      target.setPaint(alarmRingLayer.id, 'circle-stroke-opacity', ring.opacity);
      target.setPaint(alarmDiscLayer.id, 'circle-opacity', discOpacity(frameNow));
      return true;
    },
    // Held still, an alarm is a steady red disc in its ring: never blank where it blinked.
    hold: (target) => {
      const ring = heldPulseFrame(ALARM_RING);
      target.setPaint(alarmRingLayer.id, 'circle-radius', ring.radiusPx);
      target.setPaint(alarmRingLayer.id, 'circle-stroke-opacity', ring.opacity);
      target.setPaint(alarmDiscLayer.id, 'circle-opacity', DISC_MAX_OPACITY);
    },
  };
};

export const alarmFlash = {
  id: 'alarmFlash',
  styleLayers: { marker: [alarmDiscLayer, alarmRingLayer] },
  sources: { alarmFlash: ALARM_FLASH_SOURCE },
  create: createAlarmFlash,
} satisfies MapLayerDescriptor;
