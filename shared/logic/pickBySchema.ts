import type { TSchema } from '@sinclair/typebox';

type SchemaNode = {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  const?: unknown;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const matches = (schema: SchemaNode, value: unknown): boolean => {
  if (value === null) return schema.type === 'null';
  if (Array.isArray(value)) return schema.type === 'array';
  if (!isObject(value)) return schema.type !== 'object' && schema.type !== 'array' && schema.type !== 'null';
  if (schema.type !== 'object') return false;
  // A union of tagged objects (the event envelopes): the member whose literal tags the value carries.
  return Object.entries(schema.properties ?? {}).every(([key, property]) => property.const === undefined || property.const === value[key]);
};

/**
 * A copy of `value` holding only what `schema` declares: undeclared properties are dropped at every
 * depth, so a field missing from a public schema can never reach a public screen, whatever the code
 * that built the value did. Unions pick the member the value matches (tagged by literals); values
 * that match no member are dropped (null). Leaves (strings, numbers) are copied as they are.
 */
export const pickBySchema = (schema: TSchema, value: unknown): unknown => pick(schema as SchemaNode, value);

const pick = (schema: SchemaNode, value: unknown): unknown => {
  if (schema.anyOf) {
    const member = schema.anyOf.find((candidate) => matches(candidate, value));
    return member ? pick(member, value) : null;
  }
  if (schema.type === 'array') return Array.isArray(value) && schema.items ? value.map((item) => pick(schema.items as SchemaNode, item)) : [];
  if (schema.type === 'object' && schema.properties) {
    if (!isObject(value)) return null;
    const out: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties)) {
      if (value[key] !== undefined) out[key] = pick(property, value[key]);
    }
    return out;
  }
  return value;
};
