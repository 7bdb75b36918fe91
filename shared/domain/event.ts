import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { EpochMs, Id, Nullable, RegionPath } from './common';
import { HandlingLevel, Incident, IncidentStatus } from './incident';
import { literals } from './literals';
import { OnDuty, StationStatus } from './station';
import { CheckIn } from './volunteer';
import { Wish } from './wish';

/** A change to an incident's lifecycle; one event type per action so each reads as a fact. */
export const IncidentTransition = Type.Object(
  {
    incidentId: Id(),
    from: IncidentStatus,
    to: IncidentStatus,
    level: HandlingLevel,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    assignee: Type.Optional(Type.String({ maxLength: 64 })),
    satisfaction: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  },
  { additionalProperties: false },
);
export type IncidentTransition = Static<typeof IncidentTransition>;

export const StationStatusChange = Type.Object(
  {
    stationId: Id(),
    status: StationStatus,
    onDuty: Nullable(OnDuty),
    onDutyCount: Type.Integer({ minimum: 0, maximum: 1000 }),
    visitors: Type.Integer({ minimum: 0, maximum: 100000 }),
    activity: Nullable(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type StationStatusChange = Static<typeof StationStatusChange>;

/** Who may stop an alarm on the walls; the event names the role that did, never a person. */
export const ALARM_ACK_ROLES = ['admin', 'operator', 'street'] as const;
export const AlarmAckRole = literals(ALARM_ACK_ROLES);
export type AlarmAckRole = Static<typeof AlarmAckRole>;

export const AlarmAcknowledgement = Type.Object({ incidentId: Id(), by: AlarmAckRole }, { additionalProperties: false });
export type AlarmAcknowledgement = Static<typeof AlarmAcknowledgement>;

const payloads = {
  'incident:reported': Type.Object({ incident: Incident }, { additionalProperties: false }),
  'incident:accepted': IncidentTransition,
  'incident:dispatched': IncidentTransition,
  'incident:started': IncidentTransition,
  'incident:resolved': IncidentTransition,
  'incident:escalated': IncidentTransition,
  'incident:rated': IncidentTransition,
  'incident:alarmAcknowledged': AlarmAcknowledgement,
  'station:statusChanged': StationStatusChange,
  'volunteer:checkedIn': Type.Object({ checkin: CheckIn }, { additionalProperties: false }),
  'volunteer:checkedOut': Type.Object(
    {
      checkinId: Id(),
      hours: Type.Number({ minimum: 0, maximum: 24 }),
      points: Type.Integer({ minimum: 0 }),
    },
    { additionalProperties: false },
  ),
  'wish:posted': Type.Object({ wish: Wish }, { additionalProperties: false }),
  'wish:claimed': Type.Object(
    { wishId: Id(), claimerName: Wish.properties.residentName },
    { additionalProperties: false },
  ),
  'wish:fulfilled': Type.Object({ wishId: Id() }, { additionalProperties: false }),
} as const;

export type EventType = keyof typeof payloads;
export const EVENT_TYPES = Object.keys(payloads) as EventType[];
export type EventPayload<T extends EventType> = Static<(typeof payloads)[T]>;

const envelope = <K extends EventType, P extends TSchema>(type: K, payload: P) =>
  Type.Object(
    {
      /** Global, gap-free, monotonically increasing position in the log. */
      seq: Type.Integer({ minimum: 1 }),
      id: Id(),
      type: Type.Literal(type),
      at: EpochMs(),
      /** County → … → grid (or the most specific region known). Rooms are derived from it. */
      regionPath: RegionPath,
      payload,
    },
    { additionalProperties: false },
  );

export const JinlinEvent = Type.Union(
  (Object.keys(payloads) as EventType[]).map((type) => envelope(type, payloads[type])),
);

/** The discriminated union every reducer switches on. */
export type JinlinEvent = { [K in EventType]: EventOf<K> }[EventType];
export type EventOf<K extends EventType> = {
  seq: number;
  id: string;
  type: K;
  at: number;
  regionPath: string[];
  payload: EventPayload<K>;
};

/** An event before the store has given it a seq. */
export type NewEvent = { [K in EventType]: Omit<EventOf<K>, 'seq'> }[EventType];

export const EventPayloadSchemas = payloads;
