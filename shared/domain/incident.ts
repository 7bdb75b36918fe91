import { Type, type Static } from '@sinclair/typebox';
import { literals } from './literals';
import { EpochMs, Id, LngLat, Personal, RegionCode, RegionPath } from './common';


export const INCIDENT_CATEGORIES = [
  'dispute', // 矛盾纠纷
  'illegal_construction', // 违章搭建 / 两违
  'disorder', // 两乱: street vending, clutter
  'sanitation', // 环境卫生
  'facility', // 设施损坏: street light, pipes
  'safety', // 安全隐患: fire, flooding
  'parking', // 停车
  'livelihood', // 民生诉求
  'care', // 特殊人群关爱
  'epidemic', // 疫情防控
  'customs', // 移风易俗
] as const;
export const IncidentCategory = literals(INCIDENT_CATEGORIES);
export type IncidentCategory = Static<typeof IncidentCategory>;

export const INCIDENT_SOURCES = ['patrol', 'snapshot', 'hotline', 'station', 'sensor', 'open311'] as const;
export const IncidentSource = literals(INCIDENT_SOURCES);
export type IncidentSource = Static<typeof IncidentSource>;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = literals(PRIORITIES);
export type Priority = Static<typeof Priority>;

/** 上报 → 受理 → 派单 → 处置 → 办结 → 评价 */
export const INCIDENT_STATUSES = ['reported', 'accepted', 'dispatched', 'in_progress', 'resolved', 'rated'] as const;
export const IncidentStatus = literals(INCIDENT_STATUSES);
export type IncidentStatus = Static<typeof IncidentStatus>;

/** 分级办理: the level currently handling the incident; escalation moves it one step up. */
export const HANDLING_LEVELS = ['grid', 'community', 'street', 'county'] as const;
export const HandlingLevel = literals(HANDLING_LEVELS);
export type HandlingLevel = Static<typeof HandlingLevel>;

export const INCIDENT_ACTIONS = ['accept', 'dispatch', 'start', 'resolve', 'escalate', 'rate'] as const;
export const IncidentAction = literals(INCIDENT_ACTIONS);
export type IncidentAction = Static<typeof IncidentAction>;

/** The resident who reported it. Every field is personal: never sent to public screens. */
export const Reporter = Type.Object(
  {
    name: Personal('name', Type.String({ minLength: 1, maxLength: 32 })),
    phone: Type.Optional(Personal('phone', Type.String({ pattern: '^1[3-9][0-9]{9}$' }))),
    idNumber: Type.Optional(Personal('idNumber', Type.String({ pattern: '^[0-9]{17}[0-9Xx]$' }))),
    address: Type.Optional(Personal('address', Type.String({ minLength: 1, maxLength: 128 }))),
  },
  { additionalProperties: false },
);
export type Reporter = Static<typeof Reporter>;

export const IncidentStep = Type.Object(
  {
    action: Type.Union([Type.Literal('report'), IncidentAction]),
    at: EpochMs(),
    status: IncidentStatus,
    level: HandlingLevel,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type IncidentStep = Static<typeof IncidentStep>;

export const Incident = Type.Object(
  {
    id: Id(),
    category: IncidentCategory,
    source: IncidentSource,
    priority: Priority,
    status: IncidentStatus,
    level: HandlingLevel,
    description: Type.String({ maxLength: 2000 }),
    location: LngLat,
    gridCode: RegionCode,
    regionPath: RegionPath,
    reporter: Type.Optional(Reporter),
    /** Department or team handling it after dispatch (a unit, not a person). */
    assignee: Type.Optional(Type.String({ maxLength: 64 })),
    slaMinutes: Type.Integer({ minimum: 1 }),
    dueAt: EpochMs(),
    reportedAt: EpochMs(),
    acceptedAt: Type.Optional(EpochMs()),
    dispatchedAt: Type.Optional(EpochMs()),
    startedAt: Type.Optional(EpochMs()),
    resolvedAt: Type.Optional(EpochMs()),
    ratedAt: Type.Optional(EpochMs()),
    /** Resident satisfaction 1–5 from the 回访 after resolution. */
    satisfaction: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    resolution: Type.Optional(Type.String({ maxLength: 500 })),
    /** When an operator or street leader acknowledged its alarm on the walls (see shared/logic/alarms). */
    alarmAcknowledgedAt: Type.Optional(EpochMs()),
    timeline: Type.Array(IncidentStep),
    updatedAt: EpochMs(),
  },
  { additionalProperties: false },
);
export type Incident = Static<typeof Incident>;

