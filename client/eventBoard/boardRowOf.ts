import type { EventType, JinlinEvent } from '../../shared/domain/event';
import type { Incident, IncidentCategory } from '../../shared/domain/incident';
import type { StationStatus, StationType } from '../../shared/domain/station';
import type { ServiceCategory } from '../../shared/domain/volunteer';
import type { EntityState } from '../../shared/logic/entityState';
import { isClosed } from '../../shared/logic/sla';
import { placeOf, type RegionDirectory } from '../stores/regionDirectory';
import { clockTimeOf } from '../time/shanghaiClock';

export type BoardStream = 'incident' | 'station' | 'volunteer' | 'wish';

/**
 * How a row's status reads: urgent (red) only for an urgent or overdue incident, so red on the
 * board means the same as red everywhere else on the wall.
 */
export type BoardTone = 'urgent' | 'new' | 'done' | 'warning' | 'plain';

export interface BoardRow {
  seq: number;
  time: string;
  place: string;
  category: string;
  status: string;
  stream: BoardStream;
  tone: BoardTone;
  /** "超期" / "紧急" beside an incident that needs acting on now; '' otherwise. */
  flag: string;
}

/** The wall's words for domain values, in its current language. */
export interface BoardLabels {
  category(category: IncidentCategory): string;
  stationType(type: StationType): string;
  stationStatus(status: StationStatus): string;
  service(category: ServiceCategory): string;
  eventType(type: EventType): string;
  wish: string;
  overdue: string;
  urgent: string;
}

export interface BoardContext {
  directory: RegionDirectory;
  /** The store's current entities: transitions name only an id, the category lives there. */
  entities: Pick<EntityState, 'incidents' | 'stations' | 'checkins'>;
  /** The server's clock, by which deadlines are stamped. */
  now: number;
  labels: BoardLabels;
}

const UNKNOWN = '—';

/** Red only while the incident is still open: once resolved, it is no longer anybody's emergency. */
const incidentFlag = (incident: Incident | undefined, now: number, labels: BoardLabels): string => {
  if (!incident || isClosed(incident)) return '';
  if (now > incident.dueAt) return labels.overdue;
  return incident.priority === 'urgent' ? labels.urgent : '';
};

const INCIDENT_TONES: Partial<Record<EventType, BoardTone>> = {
  'incident:reported': 'new',
  'incident:resolved': 'done',
  'incident:rated': 'done',
  'incident:escalated': 'warning',
};

type Described = Pick<BoardRow, 'category' | 'status' | 'stream' | 'tone' | 'flag'>;

const describeIncident = (event: JinlinEvent, context: BoardContext): Described => {
  const { entities, labels, now } = context;
  const incident =
    event.type === 'incident:reported'
      ? (entities.incidents.get(event.payload.incident.id) ?? event.payload.incident)
      : 'incidentId' in event.payload
        ? entities.incidents.get(event.payload.incidentId)
        : undefined;
  const flag = incidentFlag(incident, now, labels);
  return {
    category: incident ? labels.category(incident.category) : UNKNOWN,
    status: labels.eventType(event.type),
    stream: 'incident',
    tone: flag !== '' ? 'urgent' : (INCIDENT_TONES[event.type] ?? 'plain'),
    flag,
  };
};

const describe = (event: JinlinEvent, context: BoardContext): Described => {
  const { entities, labels } = context;
  switch (event.type) {
    case 'station:statusChanged': {
      const station = entities.stations.get(event.payload.stationId);
      const status = event.payload.status;
      return {
        category: station ? labels.stationType(station.type) : UNKNOWN,
        status: labels.stationStatus(status),
        stream: 'station',
        tone: status === 'fault' ? 'warning' : 'plain',
        flag: '',
      };
    }
    case 'volunteer:checkedIn':
    case 'volunteer:checkedOut': {
      const checkin =
        event.type === 'volunteer:checkedIn' ? event.payload.checkin : entities.checkins.get(event.payload.checkinId);
      return {
        category: checkin ? labels.service(checkin.category) : UNKNOWN,
        status: labels.eventType(event.type),
        stream: 'volunteer',
        tone: 'plain',
        flag: '',
      };
    }
    case 'wish:posted':
    case 'wish:claimed':
    case 'wish:fulfilled':
      return {
        category: labels.wish,
        status: labels.eventType(event.type),
        stream: 'wish',
        tone: event.type === 'wish:fulfilled' ? 'done' : 'plain',
        flag: '',
      };
    default:
      return describeIncident(event, context);
  }
};

/** One line of the live board: when, where (community · compound), what, and what happened. */
export const boardRowOf = (event: JinlinEvent, context: BoardContext): BoardRow => ({
  seq: event.seq,
  time: clockTimeOf(event.at),
  place: placeOf(context.directory, event.regionPath) || UNKNOWN,
  ...describe(event, context),
});
