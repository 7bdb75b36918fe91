import type { TSchema } from '@sinclair/typebox';

type SchemaNode = {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  const?: unknown;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A cheap structural test to pick a union branch: JSON type, and every literal-valued property equal. */
export const fitsSchema = (schema: TSchema, value: unknown): boolean => {
  const node = schema as SchemaNode;
  if (node.const !== undefined) return node.const === value;
  if (node.anyOf) return node.anyOf.some((branch) => fitsSchema(branch as TSchema, value));
  switch (node.type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value) && Object.entries(node.properties ?? {}).every(([key, prop]) => prop.const === undefined || prop.const === value[key]);
    case 'string':
      return typeof value === 'string';
    default:
      return true;
  }
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
    const member = schema.anyOf.find((candidate) => fitsSchema(candidate as TSchema, value));
    return member ? pick(member, value) : null;
  }
  if (schema.type === 'array') return Array.isArray(value) && schema.items ? value.map((item) => pick(schema.items as SchemaNode, item)) : [];
  if (schema.type === 'object' && schema.properties) {
    if (!isRecord(value)) return null;
    const out: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties)) {
      if (value[key] !== undefined) out[key] = pick(property, value[key]);
    }
    return out;
  }
  return value;
};
