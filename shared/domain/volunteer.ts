import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, Id, LngLat, Personal, RegionCode, RegionPath } from './common';
import { literals } from './literals';

/** The ~8 post categories members pick when they check in (双报到). */
export const SERVICE_CATEGORIES = [
  'policy', // 政策宣讲
  'civility', // 文明劝导
  'opinions', // 民意收集
  'clinic', // 义诊
  'epidemic', // 疫情防控
  'elder_help', // 助老
  'tutoring', // 课业辅导
  'mediation', // 矛盾调解
] as const;
export const ServiceCategory = literals(SERVICE_CATEGORIES);
export type ServiceCategory = Static<typeof ServiceCategory>;

export const MEMBER_KINDS = ['party_member', 'volunteer'] as const;
export const MemberKind = literals(MEMBER_KINDS);
export type MemberKind = Static<typeof MemberKind>;

export const CheckIn = Type.Object(
  {
    id: Id(),
    memberId: Id(),
    memberName: Personal('name', Type.String({ minLength: 1, maxLength: 32 })),
    memberPhone: Type.Optional(Personal('phone', Type.String({ pattern: '^1[3-9][0-9]{9}$' }))),
    kind: MemberKind,
    category: ServiceCategory,
    /** Where: a grid, or a station (then gridCode is the station's grid when it has one). */
    gridCode: Type.Optional(RegionCode),
    stationId: Type.Optional(Id()),
    regionPath: RegionPath,
    location: LngLat,
    checkedInAt: EpochMs(),
    checkedOutAt: Type.Optional(EpochMs()),
    hours: Type.Optional(Type.Number({ minimum: 0, maximum: 24 })),
    points: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type CheckIn = Static<typeof CheckIn>;
