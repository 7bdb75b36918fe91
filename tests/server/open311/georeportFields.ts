import { expect } from 'vitest';

/**
 * The GeoReport v2 field lists (wiki.open311.org/GeoReport_v2), written from the spec and not
 * from our code: each response element must carry the required fields with the right types and
 * nothing outside the list. XML text arrives as strings, so `xml: true` reads numbers and booleans
 * from text and an empty element as absent.
 */
type Kind = 'string' | 'number' | 'boolean' | 'datetime' | 'array';
interface Field {
  kind: Kind;
  required?: boolean;
  values?: readonly string[];
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export const SERVICE: Record<string, Field> = {
  service_code: { kind: 'string', required: true },
  service_name: { kind: 'string', required: true },
  description: { kind: 'string' },
  metadata: { kind: 'boolean', required: true },
  type: { kind: 'string', required: true, values: ['realtime', 'batch', 'blackbox'] },
  keywords: { kind: 'string' },
  group: { kind: 'string' },
};

export const SERVICE_DEFINITION: Record<string, Field> = {
  service_code: { kind: 'string', required: true },
  attributes: { kind: 'array', required: true },
};

export const SERVICE_REQUEST: Record<string, Field> = {
  service_request_id: { kind: 'string', required: true },
  status: { kind: 'string', required: true, values: ['open', 'closed'] },
  status_notes: { kind: 'string' },
  service_name: { kind: 'string' },
  service_code: { kind: 'string', required: true },
  description: { kind: 'string' },
  agency_responsible: { kind: 'string' },
  service_notice: { kind: 'string' },
  requested_datetime: { kind: 'datetime', required: true },
  updated_datetime: { kind: 'datetime' },
  expected_datetime: { kind: 'datetime' },
  address: { kind: 'string' },
  address_id: { kind: 'string' },
  zipcode: { kind: 'string' },
  lat: { kind: 'number', required: true },
  long: { kind: 'number', required: true },
  media_url: { kind: 'string' },
};

/** The answer to POST requests: an id, or a token when the id comes later. */
export const POST_ANSWER: Record<string, Field> = {
  service_request_id: { kind: 'string' },
  token: { kind: 'string' },
  service_notice: { kind: 'string' },
  account_id: { kind: 'string' },
};

export const ERROR: Record<string, Field> = {
  code: { kind: 'number', required: true },
  description: { kind: 'string', required: true },
};

const absent = (value: unknown, xml: boolean) => value === undefined || value === null || (xml && value === '');

const checkValue = (name: string, field: Field, value: unknown, xml: boolean) => {
  const where = `field ${name} = ${JSON.stringify(value)}`;
  switch (field.kind) {
    case 'string':
      expect(typeof value, where).toBe('string');
      if (field.values) expect(field.values, where).toContain(value);
      return;
    case 'number':
      if (xml) expect(String(value), where).toMatch(/^-?\d+(\.\d+)?$/);
      else expect(typeof value, where).toBe('number');
      return;
    case 'boolean':
      if (xml) expect(['true', 'false'], where).toContain(value);
      else expect(typeof value, where).toBe('boolean');
      return;
    case 'datetime':
      expect(String(value), where).toMatch(ISO_8601);
      return;
    case 'array':
      if (!xml) expect(Array.isArray(value), where).toBe(true);
  }
};

/** Every element against the list: required present, types right, nothing unlisted. */
export const expectFields = (elements: unknown[], fields: Record<string, Field>, xml: boolean) => {
  for (const element of elements) {
    const record = (element ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(record)) expect(Object.keys(fields), `unlisted field ${key}`).toContain(key);
    for (const [name, field] of Object.entries(fields)) {
      const value = record[name];
      if (absent(value, xml && field.kind !== 'array')) {
        expect(field.required ?? false, `required field ${name} missing`).toBe(false);
        continue;
      }
      checkValue(name, field, value, xml);
    }
  }
};
