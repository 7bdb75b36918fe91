import type { EventOf, JinlinEvent } from '../domain/event';
import type { Incident, IncidentAction, IncidentStep } from '../domain/incident';
import type { Wish } from '../domain/wish';
import type { EntityState } from './entityState';
import type { IncidentTransitionType } from './incidentMachine';

const ACTION_OF: Readonly<Record<IncidentTransitionType, IncidentAction>> = {
  'incident:accepted': 'accept',
  'incident:dispatched': 'dispatch',
  'incident:started': 'start',
  'incident:resolved': 'resolve',
  'incident:escalated': 'escalate',
  'incident:rated': 'rate',
};

/** The fields each transition stamps beyond status, level and timeline. */
const transitionFields = (event: EventOf<IncidentTransitionType>): Partial<Incident> => {
  const { at, payload } = event;
  switch (event.type) {
    case 'incident:accepted':
      return { acceptedAt: at };
    case 'incident:dispatched':
      return { dispatchedAt: at, ...(payload.assignee !== undefined ? { assignee: payload.assignee } : {}) };
    case 'incident:started':
      return { startedAt: at };
    case 'incident:resolved':
      return { resolvedAt: at, ...(payload.note !== undefined ? { resolution: payload.note } : {}) };
    case 'incident:rated':
      return { ratedAt: at, ...(payload.satisfaction !== undefined ? { satisfaction: payload.satisfaction } : {}) };
    case 'incident:escalated':
      // acceptedAt keeps the first acceptance: the 受理率 KPI measures that, not the hand-over.
      return {};
  }
};

const applyIncidentTransition = (state: EntityState, event: EventOf<IncidentTransitionType>): void => {
  const previous = state.incidents.get(event.payload.incidentId);
  if (!previous) return;
  const { payload, at } = event;
  const step: IncidentStep = {
    action: ACTION_OF[event.type],
    at,
    status: payload.to,
    level: payload.level,
    ...(payload.note !== undefined ? { note: payload.note } : {}),
  };
  const base: Incident = { ...previous };
  // The level above dispatches afresh, so the lower level's unit no longer holds the case.
  if (event.type === 'incident:escalated') delete base.assignee;
  const next: Incident = {
    ...base,
    ...transitionFields(event),
    status: payload.to,
    level: payload.level,
    timeline: [...previous.timeline, step],
    updatedAt: at,
  };
  state.incidents.set(next.id, next);
};

/** Replaces an entity by a changed copy, never touching the old object (the KPI diff holds it). */
const replace = <T>(map: Map<string, T>, id: string, change: (previous: T) => T): void => {
  const previous = map.get(id);
  if (previous !== undefined) map.set(id, change(previous));
};

const applyOther = (state: EntityState, event: Exclude<JinlinEvent, EventOf<IncidentTransitionType>>): void => {
  const { at } = event;
  switch (event.type) {
    case 'incident:reported':
      state.incidents.set(event.payload.incident.id, event.payload.incident);
      return;
    case 'incident:alarmAcknowledged':
      // Not a lifecycle step: no timeline entry, no status change, so no KPI moves.
      replace(state.incidents, event.payload.incidentId, (i): Incident => ({ ...i, alarmAcknowledgedAt: at, updatedAt: at }));
      return;
    case 'station:statusChanged': {
      const { stationId, ...status } = event.payload;
      replace(state.stations, stationId, (s) => ({ ...s, ...status, updatedAt: at }));
      return;
    }
    case 'volunteer:checkedIn':
      state.checkins.set(event.payload.checkin.id, event.payload.checkin);
      return;
    case 'volunteer:checkedOut': {
      const { checkinId, hours, points } = event.payload;
      replace(state.checkins, checkinId, (c) => ({ ...c, checkedOutAt: at, hours, points }));
      return;
    }
    case 'wish:posted':
      state.wishes.set(event.payload.wish.id, event.payload.wish);
      return;
    case 'wish:claimed': {
      const { wishId, claimerName } = event.payload;
      replace(state.wishes, wishId, (w): Wish => ({ ...w, status: 'claimed', claimerName, claimedAt: at }));
      return;
    }
    case 'wish:fulfilled':
      replace(state.wishes, event.payload.wishId, (w): Wish => ({ ...w, status: 'fulfilled', fulfilledAt: at }));
      return;
  }
};

const isIncidentTransition = (event: JinlinEvent): event is EventOf<IncidentTransitionType> =>
  event.type in ACTION_OF;

/**
 * The one reducer for the server's LiveState and the client's stores. Maps are updated in place
 * for speed, but an entity already in a map is replaced, never mutated. Events at or below
 * state.seq are replays and change nothing. An event for an id the state does not hold (out of
 * scope, or pruned) changes no entity but still advances seq, so gap detection stays truthful.
 */
export const applyEvent = (state: EntityState, event: JinlinEvent): EntityState => {
  if (event.seq <= state.seq) return state;
  if (isIncidentTransition(event)) applyIncidentTransition(state, event);
  else applyOther(state, event as Exclude<JinlinEvent, EventOf<IncidentTransitionType>>);
  state.seq = event.seq;
  return state;
};

export const applyEvents = (state: EntityState, events: Iterable<JinlinEvent>): EntityState => {
  for (const event of events) applyEvent(state, event);
  return state;
};

const dropWhere = <T>(map: Map<string, T>, stale: (entity: T) => boolean): void => {
  for (const [id, entity] of map) if (stale(entity)) map.delete(id);
};

/**
 * Forgets what is finished and older than `retainMs` so a screen running for weeks stays small:
 * resolved/rated incidents and checked-out check-ins. Open items are always kept, however old — an
 * old open incident is exactly what the leader must see. Stations are permanent, and so are wishes:
 * the wishes funnel counts every wish by its status (a few thousand a year), so forgetting fulfilled
 * ones would make the figure drop after a restart.
 */
export const pruneEntities = (state: EntityState, now: number, retainMs: number): EntityState => {
  const cutoff = now - retainMs;
  dropWhere(state.incidents, (i) => (i.status === 'resolved' || i.status === 'rated') && i.updatedAt < cutoff);
  dropWhere(state.checkins, (c) => c.checkedOutAt !== undefined && c.checkedOutAt < cutoff);
  return state;
};
