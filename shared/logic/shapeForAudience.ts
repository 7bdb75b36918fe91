import type { TSchema } from '@sinclair/typebox';
import type { PersonalKind } from '../domain/common';
import type { JinlinEvent } from '../domain/event';
import { Incident } from '../domain/incident';
import { Station } from '../domain/station';
import { CheckIn } from '../domain/volunteer';
import { Wish } from '../domain/wish';
import { PublicEvent, PublicIncident } from '../contract/publicSchemas';
import { maskPersonal } from './masking';
import { fitsSchema, pickBySchema } from './pickBySchema';
import { scrubForPublic, type KnownRecords, type PublicRecord } from './privacy/scrubForPublic';

/** 'full' is the authorised operator view; 'public' is every wall, demo and unauthenticated screen. */
export type Audience = 'full' | 'public';

type SchemaNode = TSchema & {
  'x-personal'?: PersonalKind;
  properties?: Record<string, TSchema>;
  items?: TSchema;
  anyOf?: TSchema[];
  const?: unknown;
};

const REMOVE = Symbol('remove');

/** Whether a subtree holds any personal mark; cached because the same schemas are walked per event. */
const personalCache = new WeakMap<object, boolean>();
const hasPersonal = (schema: SchemaNode): boolean => {
  const cached = personalCache.get(schema);
  if (cached !== undefined) return cached;
  const children = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(schema.anyOf ?? []),
  ];
  const result = schema['x-personal'] !== undefined || children.some((c) => hasPersonal(c as SchemaNode));
  personalCache.set(schema, result);
  return result;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shapeObject = (schema: SchemaNode, value: Record<string, unknown>): Record<string, unknown> => {
  const properties = schema.properties ?? {};
  const shaped: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const fieldSchema = properties[key] as SchemaNode | undefined;
    const next = fieldSchema ? shapePublic(fieldSchema, field) : field;
    if (next !== REMOVE) shaped[key] = next;
  }
  return shaped;
};

/** Unmarked subtrees are shared, not copied: nothing here mutates, so sharing is safe and cheap. */
const shapePublic = (schema: SchemaNode, value: unknown): unknown => {
  if (!hasPersonal(schema)) return value;
  const kind = schema['x-personal'];
  // Phones are left out like id numbers: even 138****5678 shows seven of eleven digits.
  if (kind === 'phone') return REMOVE;
  if (kind !== undefined && typeof value === 'string') return maskPersonal(kind, value) ?? REMOVE;
  if (schema.anyOf) {
    const branch = schema.anyOf.find((b) => fitsSchema(b, value));
    return branch ? shapePublic(branch as SchemaNode, value) : value;
  }
  if (schema.items && Array.isArray(value)) {
    const items = schema.items as SchemaNode;
    return value.map((item) => shapePublic(items, item)).filter((item) => item !== REMOVE);
  }
  if (schema.properties && isRecord(value)) return shapeObject(schema, value);
  return value;
};

/** The records scrubForPublic knows by their domain schema: their free text is scrubbed as well. */
const RECORD_KINDS = new Map<TSchema, PublicRecord['kind']>([
  [Incident, 'incident'],
  [Station, 'station'],
  [CheckIn, 'checkin'],
  [Wish, 'wish'],
]);

/**
 * A copy of `value` fit for `audience`: for 'public', a domain record goes through scrubForPublic;
 * any other schema's fields marked Personal() are masked (names, addresses) or removed (phones, id
 * numbers). 'full' returns the value itself.
 */
export const shapeForAudience = <T>(schema: TSchema, value: T, audience: Audience): T => {
  if (audience === 'full') return value;
  const kind = RECORD_KINDS.get(schema);
  if (kind !== undefined) return scrubForPublic({ kind, value } as Parameters<typeof scrubForPublic>[0]) as T;
  const shaped = shapePublic(schema as SchemaNode, value);
  return (shaped === REMOVE ? undefined : shaped) as T;
};

/**
 * The public form of an incident: no reporter at all, free text scrubbed (scrubForPublic), cut to
 * the public incident schema.
 */
export const publicIncident = (incident: Incident): Incident =>
  pickBySchema(PublicIncident, scrubForPublic({ kind: 'incident', value: incident })) as Incident;

/**
 * The event as this audience may see it. Public events are scrubbed (scrubForPublic; `known` gives
 * the names of related records, such as the reporter of a transition's incident), then cut to the
 * public event schema: what the schema does not declare (a reporter, an ID number, a phone, a field
 * nobody reviewed) is not sent, whatever the scrubbing did.
 */
export const shapeEventForAudience = (event: JinlinEvent, audience: Audience, known?: KnownRecords): JinlinEvent =>
  audience === 'full' ? event : (pickBySchema(PublicEvent, scrubForPublic({ kind: 'event', value: event }, known)) as JinlinEvent);
