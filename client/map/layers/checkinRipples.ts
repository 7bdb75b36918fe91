import type { CircleLayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { LngLat } from '../../../shared/domain/common';
import type { CheckIn } from '../../../shared/domain/volunteer';
import type { LiveFeature } from '../binding/diffFeatures';
import type { LiveLayer } from '../binding/liveLayer';
import { RIPPLE_COLOUR } from '../style/palette';
import { pointFeature } from '../binding/pointFeature';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

/** The live source this layer fills (created empty by the offline style, from the registry). */
export const CHECKIN_RIPPLES_SOURCE = 'checkin-ripples';

// A ripple where a party member or volunteer has just checked in (报到): a short one-off ring, so
// the wall shows people arriving to serve. Each ripple runs on its own clock via feature-state.

export const RIPPLE_MS = 2500;
/** A check-in seen for the first time ripples only if it is this recent (not a whole day's backlog). */
export const RECENT_CHECKIN_MS = 60_000;

export interface Ripple {
  id: string;
  location: LngLat;
  /** Server time the ripple started: when the map first saw the check-in. */
  startedAt: number;
}

export interface RippleState {
  ripples: Map<string, Ripple>;
  /** Ids of the check-ins seen so far (those still present), so none ripples twice. */
  seen: Set<string>;
}

export const EMPTY_RIPPLES: RippleState = { ripples: new Map(), seen: new Set() };

/** Starts a ripple for each recent check-in not seen before, and drops the ripples that have run out. */
export const nextRipples = (state: RippleState, checkins: Iterable<CheckIn>, now: number): RippleState => {
  const ripples = new Map<string, Ripple>();
  for (const ripple of state.ripples.values()) if (now - ripple.startedAt < RIPPLE_MS) ripples.set(ripple.id, ripple);
  const seen = new Set<string>();
  for (const checkin of checkins) {
    seen.add(checkin.id);
    if (state.seen.has(checkin.id) || Math.abs(now - checkin.checkedInAt) > RECENT_CHECKIN_MS) continue;
    ripples.set(checkin.id, { id: checkin.id, location: checkin.location, startedAt: now });
  }
  return { ripples, seen };
};

export const rippleFeatures = (state: RippleState): LiveFeature[] =>
  [...state.ripples.values()].map((ripple) => pointFeature(ripple.location, { id: ripple.id }));

/** 0 when a ripple starts, 1 when it has run out. */
export const rippleProgress = (ripple: Ripple, frameNow: number): number =>
  Math.max(0, Math.min(1, (frameNow - ripple.startedAt) / RIPPLE_MS));

const progress: ExpressionSpecification = ['coalesce', ['feature-state', 'progress'], 0];

export const checkinRippleLayer: CircleLayerSpecification = {
  id: 'checkin-ripples',
  type: 'circle',
  source: CHECKIN_RIPPLES_SOURCE,
  paint: {
    'circle-radius': ['interpolate', ['linear'], progress, 0, 3, 1, 34],
    'circle-color': RIPPLE_COLOUR,
    'circle-opacity': ['*', 0.25, ['-', 1, progress]],
    'circle-stroke-color': RIPPLE_COLOUR,
    'circle-stroke-width': 2.5,
    'circle-stroke-opacity': ['-', 1, progress],
  },
};

/** A still ripple: a ring a third of the way out, for a renderer too slow to animate. */
export const HELD_RIPPLE_PROGRESS = 0.35;

export const createCheckinRipples = (): LiveLayer => {
  let state = EMPTY_RIPPLES;
  /** Ripples already drawn still, so holding again sends nothing (each feature-state write repaints). */
  let held = new Set<string>();
  return {
    name: 'checkinRipples',
    layerIds: [checkinRippleLayer.id],
    visible: (input) => input.visibility.checkinRipples,
    dependencies: (input) => [input.entities, input.version, Math.floor(input.now / 500)],
    apply: (target, input) => {
      state = nextRipples(state, input.entities.checkins.values(), input.now);
      held = new Set([...held].filter((id) => state.ripples.has(id)));
      target.setFeatures(CHECKIN_RIPPLES_SOURCE, rippleFeatures(state));
    },
    animate: (target, frameNow) => {
      held.clear();
      let moving = false;
      for (const ripple of state.ripples.values()) {
        const value = rippleProgress(ripple, frameNow);
        target.setFeatureProgress(CHECKIN_RIPPLES_SOURCE, ripple.id, value);
        if (value < 1) moving = true;
      }
      return moving;
    },
    hold: (target) => {
      for (const id of state.ripples.keys()) {
        if (held.has(id)) continue;
        target.setFeatureProgress(CHECKIN_RIPPLES_SOURCE, id, HELD_RIPPLE_PROGRESS);
        held.add(id);
      }
    },
  };
};

export const checkinRipples = {
  id: 'checkinRipples',
  toggle: { id: 'checkinRipples', defaultVisible: true, legend: 'checkinRipples', swatch: [RIPPLE_COLOUR] },
  styleLayers: { marker: [checkinRippleLayer] },
  sources: { checkinRipples: CHECKIN_RIPPLES_SOURCE },
  create: createCheckinRipples,
} satisfies MapLayerDescriptor;
