import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, Id, Personal, RegionCode, RegionPath } from './common';
import { literals } from './literals';

/** 微心愿: 居民点单 (posted) → 党员接单 (claimed) → fulfilled. */
export const WISH_STATUSES = ['posted', 'claimed', 'fulfilled'] as const;
export const WishStatus = literals(WISH_STATUSES);
export type WishStatus = Static<typeof WishStatus>;

export const WISH_ACTIONS = ['claim', 'fulfil'] as const;
export type WishAction = (typeof WISH_ACTIONS)[number];

export const Wish = Type.Object(
  {
    id: Id(),
    title: Type.String({ minLength: 1, maxLength: 64 }),
    description: Type.String({ maxLength: 500 }),
    status: WishStatus,
    regionCode: RegionCode,
    regionPath: RegionPath,
    residentName: Personal('name', Type.String({ minLength: 1, maxLength: 32 })),
    residentPhone: Type.Optional(Personal('phone', Type.String({ pattern: '^1[3-9][0-9]{9}$' }))),
    claimerName: Type.Optional(Personal('name', Type.String({ minLength: 1, maxLength: 32 }))),
    postedAt: EpochMs(),
    claimedAt: Type.Optional(EpochMs()),
    fulfilledAt: Type.Optional(EpochMs()),
  },
  { additionalProperties: false },
);
export type Wish = Static<typeof Wish>;
