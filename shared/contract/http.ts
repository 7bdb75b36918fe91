import { Type, type Static } from '@sinclair/typebox';
import { Id, RegionCode } from '../domain/common';
import { IncidentCategory, IncidentSource, Priority, Reporter } from '../domain/incident';
import { OnDuty, StationStatus } from '../domain/station';
import { MemberKind, ServiceCategory } from '../domain/volunteer';
import { Wish } from '../domain/wish';

/** Every HTTP route of the API, in one place, used by server routes, client, simulator and tests. */
export const API_PREFIX = '/api/v1';
export const ROUTES = {
  incidents: `${API_PREFIX}/incidents`,
  incident: `${API_PREFIX}/incidents/:id`,
  incidentTransitions: `${API_PREFIX}/incidents/:id/transitions`,
  incidentAlarmAck: `${API_PREFIX}/incidents/:id/alarm-ack`,
  alarmPolicy: `${API_PREFIX}/alarm-policy`,
  stationStatus: `${API_PREFIX}/stations/:id/status`,
  checkins: `${API_PREFIX}/checkins`,
  checkout: `${API_PREFIX}/checkins/:id/checkout`,
  wishes: `${API_PREFIX}/wishes`,
  wishClaim: `${API_PREFIX}/wishes/:id/claim`,
  wishFulfil: `${API_PREFIX}/wishes/:id/fulfil`,
  regions: `${API_PREFIX}/regions`,
  snapshot: `${API_PREFIX}/snapshot`,
  events: `${API_PREFIX}/events`,
  /** Incident heat points of a window longer than a wall holds (shared/contract/heat.ts). */
  heat: `${API_PREFIX}/heat`,
  /** Time machine: a scope's snapshot at a past moment, and the events of a period (server/replay). */
  replaySnapshot: `${API_PREFIX}/replay/snapshot`,
  replayEvents: `${API_PREFIX}/replay/events`,
  me: `${API_PREFIX}/me`,
  /** Incidents of a scope and period with their lifecycle times and SLA (server/export). */
  exportIncidentsCsv: `${API_PREFIX}/exports/incidents.csv`,
  exportIncidentsXlsx: `${API_PREFIX}/exports/incidents.xlsx`,
  health: `${API_PREFIX}/health`,
  ready: `${API_PREFIX}/ready`,
  metrics: '/metrics',
  /** Delegation demo mode: the state walls follow, and the presenter's commands. */
  demo: `${API_PREFIX}/demo`,
  demoTour: `${API_PREFIX}/demo/tour`,
  demoScenario: `${API_PREFIX}/demo/scenarios/:id`,
  demoReset: `${API_PREFIX}/demo/reset`,
} as const;

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** `{statusCode, error, message}`: error is a stable machine code, message names the field. */
export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  /** Present on 409 illegal transitions. */
  currentStatus: Type.Optional(Type.String()),
});
export type ErrorBody = Static<typeof ErrorBody>;

const strict = { additionalProperties: false } as const;
/** gcj02 (web maps, our outlines; the default), wgs84 (GPS) or cgcs2000 (Beidou; taken as WGS-84). */
const Crs = Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02'), Type.Literal('cgcs2000')]);

export const ReportIncidentBody = Type.Object(
  {
    category: IncidentCategory,
    source: IncidentSource,
    priority: Type.Optional(Priority),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    crs: Type.Optional(Crs),
    gridCode: Type.Optional(RegionCode),
    reporter: Type.Optional(Reporter),
    /** Field apps may supply their own id (e.g. 12345 ticket), kept as `<scope>:<id>` under a token narrower than the county; otherwise the server assigns one. */
    id: Type.Optional(Id()),
  },
  strict,
);
export type ReportIncidentBody = Static<typeof ReportIncidentBody>;

const Note = Type.Optional(Type.String({ minLength: 1, maxLength: 500 }));
export const TransitionBody = Type.Union([
  Type.Object({ action: Type.Literal('accept'), note: Note }, strict),
  Type.Object(
    { action: Type.Literal('dispatch'), assignee: Type.String({ minLength: 1, maxLength: 64 }), note: Note },
    strict,
  ),
  Type.Object({ action: Type.Literal('start'), note: Note }, strict),
  Type.Object(
    { action: Type.Literal('resolve'), resolution: Type.String({ minLength: 1, maxLength: 500 }) },
    strict,
  ),
  Type.Object({ action: Type.Literal('escalate'), reason: Type.String({ minLength: 1, maxLength: 500 }) }, strict),
  Type.Object(
    { action: Type.Literal('rate'), satisfaction: Type.Integer({ minimum: 1, maximum: 5 }), note: Note },
    strict,
  ),
]);
export type TransitionBody = Static<typeof TransitionBody>;

/**
 * The same union, validated by its `action` tag (JSON Schema discriminator): a body is checked
 * against the one branch its action names, so errors say what that action needs.
 */
export const TransitionBodyByAction = Type.Unsafe<TransitionBody>({
  type: 'object',
  required: ['action'],
  discriminator: { propertyName: 'action' },
  oneOf: TransitionBody.anyOf,
});

export const StationStatusBody = Type.Object(
  {
    status: StationStatus,
    onDuty: Type.Optional(Type.Union([OnDuty, Type.Null()])),
    onDutyCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    visitors: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    activity: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  },
  strict,
);
export type StationStatusBody = Static<typeof StationStatusBody>;

export const CheckInBody = Type.Object(
  {
    memberId: Id(),
    memberName: Type.String({ minLength: 1, maxLength: 32 }),
    memberPhone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
    kind: MemberKind,
    category: ServiceCategory,
    gridCode: Type.Optional(RegionCode),
    stationId: Type.Optional(Id()),
    id: Type.Optional(Id()),
  },
  strict,
);
export type CheckInBody = Static<typeof CheckInBody>;

export const CheckOutBody = Type.Object(
  { points: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })) },
  strict,
);
export type CheckOutBody = Static<typeof CheckOutBody>;

export const WishBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 64 }),
    description: Type.String({ maxLength: 500 }),
    regionCode: RegionCode,
    residentName: Wish.properties.residentName,
    residentPhone: Type.Optional(Type.String({ pattern: '^1[3-9][0-9]{9}$' })),
    id: Type.Optional(Id()),
  },
  strict,
);
export type WishBody = Static<typeof WishBody>;

export const WishClaimBody = Type.Object({ claimerName: Type.String({ minLength: 1, maxLength: 32 }) }, strict);
export type WishClaimBody = Static<typeof WishClaimBody>;

export const WishFulfilBody = Type.Object({ note: Note }, strict);
export type WishFulfilBody = Static<typeof WishFulfilBody>;

/** Acknowledging an alarm says nothing but "seen": the role comes from the token, the time from the server. */
export const AlarmAckBody = Type.Object({}, strict);
export type AlarmAckBody = Static<typeof AlarmAckBody>;

export const IdParams = Type.Object({ id: Id() }, strict);

export const RegionsQuery = Type.Object(
  {
    level: Type.Optional(
      Type.Union(['county', 'street', 'community', 'compound', 'grid', 'context'].map((l) => Type.Literal(l))),
    ),
    within: Type.Optional(RegionCode),
  },
  strict,
);

export const SnapshotQuery = Type.Object({ scope: Type.Optional(RegionCode) }, strict);

export const EventsQuery = Type.Object(
  {
    after: Type.Integer({ minimum: 0 }),
    scope: Type.Optional(RegionCode),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  },
  strict,
);
