import { Type, type Static, type TSchema, type SchemaOptions } from '@sinclair/typebox';

/** Personal-information kinds (PIPL). Masking and response shaping walk schemas for this mark. */
export type PersonalKind = 'name' | 'phone' | 'idNumber' | 'address';

/** Marks a schema as carrying a resident's personal data; see shared/logic/masking. */
export const Personal = <T extends TSchema>(kind: PersonalKind, schema: T): T =>
  ({ ...schema, 'x-personal': kind }) as T;

export const Id = (options: SchemaOptions = {}) =>
  Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$', ...options });

/** Unix epoch milliseconds. All times in events and state are numbers; display is the client's job. */
export const EpochMs = (options: SchemaOptions = {}) => Type.Integer({ minimum: 0, ...options });

/** Longitude/latitude in the display datum (see README: GCJ-02 style, like the reference geometry). */
export const LngLat = Type.Object(
  {
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
  },
  { additionalProperties: false },
);
export type LngLat = Static<typeof LngLat>;

/** Division codes: 6-digit county, 9-digit street, 12-digit community (real), 15 compound, 17 grid (generated). */
export const RegionCode = Type.String({ pattern: '^[0-9]{6,17}$' });
export type RegionCode = string;

/** Codes from the county down to the most specific region the record belongs to. */
export const RegionPath = Type.Array(RegionCode, { minItems: 1, maxItems: 5 });
export type RegionPath = Static<typeof RegionPath>;

export const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
