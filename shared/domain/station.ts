import { Type, type Static } from '@sinclair/typebox';
import { ClockTime, EpochMs, Id, LngLat, Nullable, Personal, RegionCode, RegionPath } from './common';
import { literals } from './literals';

export const STATION_TYPES = [
  'party_service_center', // 党群服务中心 (one per community)
  'compound_room', // 党群活动室 / 小区党建客厅
  'red_station', // 红色驿站 / 近邻红色驿站
  'neighbourhood_center', // 邻里中心 (15-minute service circle)
  'civility_station', // 新时代文明实践站
  'elderly_care', // 颐康服务站
  'canteen', // 长者饭堂
  'legal_aid', // 公共法律服务工作站
] as const;
export const StationType = literals(STATION_TYPES);
export type StationType = Static<typeof StationType>;

export const STATION_STATUSES = ['open', 'closed', 'extended', 'fault'] as const;
export const StationStatus = literals(STATION_STATUSES);
export type StationStatus = Static<typeof StationStatus>;

/** Regular hours plus 延时服务 (weekdays to 21:00) and the weekend rule. */
export const OpeningHours = Type.Object(
  {
    weekdayOpen: ClockTime,
    weekdayClose: ClockTime,
    extendedUntil: Type.Optional(ClockTime),
    weekend: literals(['closed', 'all_day', 'same'] as const),
  },
  { additionalProperties: false },
);
export type OpeningHours = Static<typeof OpeningHours>;

export const OnDuty = Type.Object(
  {
    name: Personal('name', Type.String({ minLength: 1, maxLength: 32 })),
    phone: Type.Optional(Personal('phone', Type.String({ pattern: '^1[3-9][0-9]{9}$' }))),
  },
  { additionalProperties: false },
);
export type OnDuty = Static<typeof OnDuty>;

export const Station = Type.Object(
  {
    id: Id(),
    type: StationType,
    name: Type.String({ minLength: 1, maxLength: 64 }),
    /** The compound or community the station belongs to. */
    regionCode: RegionCode,
    regionPath: RegionPath,
    location: LngLat,
    hours: OpeningHours,
    capacity: Type.Integer({ minimum: 0 }),
    status: StationStatus,
    onDuty: Nullable(OnDuty),
    onDutyCount: Type.Integer({ minimum: 0, maximum: 1000 }),
    visitors: Type.Integer({ minimum: 0, maximum: 100000 }),
    /** 义诊, 邻里党课, 议事会 … or null when nothing is under way. */
    activity: Nullable(Type.String({ maxLength: 64 })),
    updatedAt: EpochMs(),
  },
  { additionalProperties: false },
);
export type Station = Static<typeof Station>;
