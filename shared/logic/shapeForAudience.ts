import type { TSchema } from '@sinclair/typebox';
import type { PersonalKind } from '../domain/common';
import { EventPayloadSchemas, type EventOf, type EventType, type JinlinEvent } from '../domain/event';
import type { Incident, Reporter } from '../domain/incident';
import { PublicEvent, PublicIncident } from '../contract/publicSchemas';
import { maskAddress, maskName, maskPersonal, maskPhone, scrubText } from './masking';
import { fitsSchema, pickBySchema } from './pickBySchema';

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

/**
 * A copy of `value` fit for `audience`: for 'public', fields marked Personal() are masked
 * (names, phones, addresses) or removed (id numbers). 'full' returns the value itself.
 */
export const shapeForAudience = <T>(schema: TSchema, value: T, audience: Audience): T => {
  if (audience === 'full') return value;
  const shaped = shapePublic(schema as SchemaNode, value);
  return (shaped === REMOVE ? undefined : shaped) as T;
};

/** Literal occurrences of the reporter's own details in free text, with the public form of each. */
const knownDetails = (reporter: Reporter | undefined): Array<[string, string]> => {
  if (!reporter) return [];
  const pairs: Array<[string, string]> = [];
  const { name, phone, idNumber, address } = reporter;
  if (address) pairs.push([address, maskAddress(address)]);
  if (idNumber) pairs.push([idNumber, '*'.repeat(idNumber.length)]);
  if (phone) pairs.push([phone, maskPhone(phone)]);
  if (Array.from(name).length >= 2) pairs.push([name, maskName(name)]);
  return pairs;
};

/**
 * The public form of an incident: no reporter at all, and free text scrubbed — of numbers that
 * look like phones or ids, and of the reporter's own name and details when the text repeats them
 * ("张三丰反映…"). Other people's names in free text cannot be recognised and stay as written.
 */
export const publicIncident = (incident: Incident): Incident => pickBySchema(PublicIncident, maskIncident(incident)) as Incident;

const maskIncident = (incident: Incident): Incident => {
  const { reporter, ...rest } = incident;
  const known = knownDetails(reporter);
  const scrub = (text: string) => scrubText(known.reduce((t, [value, masked]) => t.replaceAll(value, masked), text));
  return {
    ...rest,
    description: scrub(rest.description),
    ...(rest.resolution !== undefined ? { resolution: scrub(rest.resolution) } : {}),
    timeline: rest.timeline.map((step) => (step.note !== undefined ? { ...step, note: scrub(step.note) } : step)),
  };
};

const shapePayload = <K extends EventType>(event: EventOf<K>): EventOf<K> => {
  const schema = EventPayloadSchemas[event.type] as TSchema;
  return { ...event, payload: shapeForAudience(schema, event.payload, 'public') };
};

/**
 * The event as this audience may see it. Public events are masked by the rule of their type, then
 * cut to the public event schema: what the schema does not declare (a reporter, an ID number, a
 * field nobody reviewed) is not sent, whatever the masking did.
 */
export const shapeEventForAudience = (event: JinlinEvent, audience: Audience): JinlinEvent =>
  audience === 'full' ? event : (pickBySchema(PublicEvent, maskEvent(event)) as JinlinEvent);

/** Every event type has its masking rule here. */
const maskEvent = (event: JinlinEvent): JinlinEvent => {
  switch (event.type) {
    case 'incident:reported':
      return { ...event, payload: { incident: publicIncident(event.payload.incident) } };
    case 'incident:accepted':
    case 'incident:dispatched':
    case 'incident:started':
    case 'incident:resolved':
    case 'incident:escalated':
    case 'incident:rated': {
      const { note } = event.payload;
      return note === undefined ? event : { ...event, payload: { ...event.payload, note: scrubText(note) } };
    }
    case 'station:statusChanged':
      return shapePayload(event);
    case 'volunteer:checkedIn':
      return shapePayload(event);
    case 'wish:posted':
      return shapePayload(event);
    case 'wish:claimed':
      return shapePayload(event);
    case 'volunteer:checkedOut':
    case 'wish:fulfilled':
    case 'incident:alarmAcknowledged': // names a role, never a person
      return event;
  }
};
