import type { JinlinEvent, NewEvent } from '../domain/event';

export type EntityCollection = 'incidents' | 'stations' | 'checkins' | 'wishes';

/** Which entity an event changes: lets live state diff before/after without a switch per caller. */
export const entityRefOf = (event: JinlinEvent | NewEvent): { collection: EntityCollection; id: string } => {
  switch (event.type) {
    case 'incident:reported':
      return { collection: 'incidents', id: event.payload.incident.id };
    case 'incident:accepted':
    case 'incident:dispatched':
    case 'incident:started':
    case 'incident:resolved':
    case 'incident:escalated':
    case 'incident:rated':
    case 'incident:alarmAcknowledged':
      return { collection: 'incidents', id: event.payload.incidentId };
    case 'station:statusChanged':
      return { collection: 'stations', id: event.payload.stationId };
    case 'volunteer:checkedIn':
      return { collection: 'checkins', id: event.payload.checkin.id };
    case 'volunteer:checkedOut':
      return { collection: 'checkins', id: event.payload.checkinId };
    case 'wish:posted':
      return { collection: 'wishes', id: event.payload.wish.id };
    case 'wish:claimed':
    case 'wish:fulfilled':
      return { collection: 'wishes', id: event.payload.wishId };
  }
};
