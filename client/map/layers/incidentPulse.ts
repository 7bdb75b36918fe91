import type { CircleLayerSpecification } from 'maplibre-gl';
import type { Incident } from '../../../shared/domain/incident';
import { isOverdue } from '../../../shared/logic/sla';
import type { LiveLayer } from '../binding/liveLayer';
import { NEW_PULSE_COLOUR, OVERDUE_COLOUR } from '../style/palette';
import { INCIDENT_MARKERS_SOURCE, NEW_INCIDENT_MS } from './incidentMarkers';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

// Rings that pulse out of the incident markers: white for ~10 s after a report (something just
// happened here), red for as long as an incident is overdue (someone must act). All rings of a kind
// pulse in step, so one paint property per frame animates them all, without touching the data.

export interface Pulse {
  periodMs: number;
  fromRadiusPx: number;
  toRadiusPx: number;
  maxOpacity: number;
}

export const NEW_PULSE: Pulse = { periodMs: 1600, fromRadiusPx: 6, toRadiusPx: 26, maxOpacity: 0.95 };
export const OVERDUE_PULSE: Pulse = { periodMs: 1200, fromRadiusPx: 6, toRadiusPx: 20, maxOpacity: 0.9 };

/** The ring of a pulse at time `t`: it grows and fades over each period. */
export const pulseFrame = (pulse: Pulse, t: number): { radiusPx: number; opacity: number } => {
  const phase = (((t % pulse.periodMs) + pulse.periodMs) % pulse.periodMs) / pulse.periodMs;
  return {
    radiusPx: pulse.fromRadiusPx + (pulse.toRadiusPx - pulse.fromRadiusPx) * phase,
    opacity: pulse.maxOpacity * (1 - phase) ** 1.5,
  };
};

/** Where a still ring stands in its period: well out from the marker and still bright. */
export const HELD_PHASE = 0.35;

/** The ring drawn, unmoving, when the renderer is too slow to animate. */
export const heldPulseFrame = (pulse: Pulse): { radiusPx: number; opacity: number } => pulseFrame(pulse, HELD_PHASE * pulse.periodMs);

/** How many new and overdue incidents there are to pulse; none of either and the animation can sleep. */
export const countPulses = (incidents: Iterable<Incident>, now: number): { fresh: number; overdue: number } => {
  let fresh = 0;
  let overdue = 0;
  for (const incident of incidents) {
    const age = now - incident.reportedAt;
    if (age >= 0 && age < NEW_INCIDENT_MS) fresh += 1;
    if (isOverdue(incident, now)) overdue += 1;
  }
  return { fresh, overdue };
};

const ringLayer = (id: string, flag: 'fresh' | 'overdue', colour: string, strokePx: number): CircleLayerSpecification => ({
  id,
  type: 'circle',
  source: INCIDENT_MARKERS_SOURCE,
  filter: ['==', ['get', flag], true],
  paint: {
    'circle-color': 'rgba(0,0,0,0)',
    'circle-radius': 0,
    'circle-stroke-color': colour,
    'circle-stroke-width': strokePx,
    'circle-stroke-opacity': 0,
    // Set every frame: MapLibre's default 300 ms transition would smear the ring and keep the map busy.
    'circle-radius-transition': { duration: 0, delay: 0 },
    'circle-stroke-opacity-transition': { duration: 0, delay: 0 },
  },
});

export const newIncidentPulseLayer = ringLayer('incident-pulse-new', 'fresh', NEW_PULSE_COLOUR, 2.5);
export const overduePulseLayer = ringLayer('incident-pulse-overdue', 'overdue', OVERDUE_COLOUR, 3);

export const createIncidentPulse = (): LiveLayer => {
  let counts = { fresh: 0, overdue: 0 };
  const rings = [
    { layerId: newIncidentPulseLayer.id, pulse: NEW_PULSE, active: () => counts.fresh > 0 },
    { layerId: overduePulseLayer.id, pulse: OVERDUE_PULSE, active: () => counts.overdue > 0 },
  ];
  return {
    name: 'incidentPulse',
    layerIds: rings.map((ring) => ring.layerId),
    visible: (input) => input.visibility.incidentMarkers,
    dependencies: (input) => [input.entities, input.version, Math.floor(input.now / 1000)],
    apply: (_target, input) => {
      counts = countPulses(input.entities.incidents.values(), input.now);
    },
    animate: (target, frameNow) => {
      let moving = false;
      for (const ring of rings) {
        if (!ring.active()) continue;
        const frame = pulseFrame(ring.pulse, frameNow);
        target.setPaint(ring.layerId, 'circle-radius', frame.radiusPx);
        target.setPaint(ring.layerId, 'circle-stroke-opacity', frame.opacity);
        moving = true;
      }
      return moving;
    },
    hold: (target) => {
      for (const ring of rings) {
        const frame = heldPulseFrame(ring.pulse);
        target.setPaint(ring.layerId, 'circle-radius', frame.radiusPx);
        target.setPaint(ring.layerId, 'circle-stroke-opacity', frame.opacity);
      }
    },
  };
};

export const incidentPulse = {
  id: 'incidentPulse',
  follows: 'incidentMarkers',
  styleLayers: { marker: [overduePulseLayer, newIncidentPulseLayer] },
  sources: {},
  create: createIncidentPulse,
} satisfies MapLayerDescriptor;
