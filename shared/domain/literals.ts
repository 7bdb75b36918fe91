import { Type, type TLiteral, type TUnion } from '@sinclair/typebox';

/** A union of string literals from a const list, so the list and the schema never drift apart. */
export const literals = <T extends string>(values: readonly T[]): TUnion<TLiteral<T>[]> =>
  Type.Union(values.map((v) => Type.Literal(v)));
