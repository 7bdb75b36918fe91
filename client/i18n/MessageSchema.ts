import type { zhCN } from './zhCN';

/** The same tree of keys with any strings as leaves: what every translation must provide. */
export type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

/** The shape of the wall's messages, taken from the Chinese source. */
export type MessageSchema = SameKeys<typeof zhCN>;
