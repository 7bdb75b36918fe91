import { Type, type Static } from '@sinclair/typebox';
import { RegionCode } from './common';

export const RegionLevel = Type.Union([
  Type.Literal('county'),
  Type.Literal('street'),
  Type.Literal('community'),
  Type.Literal('compound'),
  Type.Literal('grid'),
]);
export type RegionLevel = Static<typeof RegionLevel>;

export const REGION_LEVELS: readonly RegionLevel[] = ['county', 'street', 'community', 'compound', 'grid'];

/** Code length per level: real GB/T 2260 + statistical codes above the compound, generated below. */
export const CODE_LENGTH: Readonly<Record<RegionLevel, number>> = {
  county: 6,
  street: 9,
  community: 12,
  compound: 15,
  grid: 17,
};

export const Region = Type.Object(
  {
    code: RegionCode,
    level: RegionLevel,
    name: Type.String({ minLength: 1, maxLength: 64 }),
    parentCode: Type.Union([RegionCode, Type.Null()]),
    /** Codes from the county down to this region, inclusive. */
    path: Type.Array(RegionCode, { minItems: 1, maxItems: 5 }),
    centroid: Type.Tuple([Type.Number(), Type.Number()]),
    households: Type.Integer({ minimum: 0 }),
    residents: Type.Integer({ minimum: 0 }),
    partyMembers: Type.Integer({ minimum: 0 }),
    /** A party branch is organised at this level (compound: 一小区一支部; grid: grid branch). */
    hasBranch: Type.Boolean(),
    /** True for generated (sample) data: compounds and grids, and every figure below the real names. */
    sample: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Region = Static<typeof Region>;

/** The parent level of each level; the county has none. */
export const PARENT_LEVEL: Readonly<Record<RegionLevel, RegionLevel | null>> = {
  county: null,
  street: 'county',
  community: 'street',
  compound: 'community',
  grid: 'compound',
};

export const levelOfCode = (code: string): RegionLevel | null => {
  for (const level of REGION_LEVELS) if (CODE_LENGTH[level] === code.length) return level;
  return null;
};
