import fc from 'fast-check';

/** One write route: how to build its URL from an id, and a body it would accept. */
export interface WriteRoute {
  name: string;
  method: 'POST' | 'PUT';
  url: (id: string) => string;
  /** An id that exists (seeded), or none for routes without one. */
  id?: string;
  valid: Record<string, unknown>;
  /** Demo commands that would really run (a scenario, a reset) are only sent broken. */
  alwaysInvalid?: boolean;
}

export interface FuzzRequest {
  method: 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  payload: string;
}

/** Stand-ins replaced in the JSON text: values JSON.stringify cannot write (1e309 parses as Infinity). */
const RAW: Record<string, string> = { __INF__: '1e309', __NINF__: '-1e309', __BIGINT__: '123456789012345678901234567890', __NEGZERO__: '-0' };

const nasty = fc.oneof(
  fc.constantFrom(...Object.keys(RAW)),
  fc.constantFrom(-1, 0, 1.5, 2 ** 53, -(2 ** 31), 1e21, '', ' ', 'x'.repeat(5000), '１３８１２３４５６７８', '\u0000', '😀', '<script>', 'null', '../..', '%00', true, null, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const mutate = (valid: Record<string, unknown>) => {
  const keys = Object.keys(valid);
  return fc.oneof(
    // one field set to something odd
    keys.length > 0 ? fc.tuple(fc.constantFrom(...keys), nasty).map(([k, v]) => ({ ...valid, [k]: v })) : fc.constant({ oops: 1 }),
    // one field left out
    keys.length > 0 ? fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))) : fc.constant([]),
    // an unknown field
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), nasty).filter(([k]) => !keys.includes(k)).map(([k, v]) => ({ ...valid, [k]: v })),
    // something else entirely
    nasty,
    fc.dictionary(fc.constantFrom(...keys, 'id', 'action', '__proto__', 'constructor'), nasty, { maxKeys: 5 }),
  );
};

const text = (value: unknown) => {
  let out = JSON.stringify(value) ?? 'null';
  for (const [mark, raw] of Object.entries(RAW)) out = out.replaceAll(`"${mark}"`, raw);
  return out;
};

const body = (valid: Record<string, unknown>, alwaysInvalid: boolean) =>
  fc.oneof(
    { weight: 6, arbitrary: mutate(valid).map(text) },
    { weight: alwaysInvalid ? 0 : 1, arbitrary: fc.constant(text(valid)) },
    { weight: 1, arbitrary: fc.constant(text(valid)).chain((t) => fc.nat(t.length - 1).map((n) => t.slice(0, n))) },
    { weight: 1, arbitrary: fc.constantFrom(`\ufeff${text(valid)}`, '', 'null', '[', '{"a":1}{', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}', '['.repeat(3000), `{"d":"${'x'.repeat(70_000)}"}`) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );

const printable = fc.string({ maxLength: 80 }).filter((s) => /^[\x20-\x7e]*$/.test(s));

/** Requests to one route: mostly a well-formed envelope around a broken body, sometimes a broken envelope. */
export const fuzzRequest = (route: WriteRoute, tokens: { admin: string; others: string[] }): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      id: route.id === undefined ? fc.constant('') : fc.oneof({ weight: 4, arbitrary: fc.constant(route.id) }, { weight: 1, arbitrary: fc.oneof(printable, fc.constantFrom('%zz', '%E0%A4%A', 'x'.repeat(600), '..', '键')) }),
      payload: body(route.valid, route.alwaysInvalid === true),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        { weight: 2, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', '', 'application/json; charset=latin1', 'multipart/form-data; boundary=x', 'APPLICATION/JSON', 'application/json, text/html') },
      ),
      authorization: fc.oneof({ weight: 8, arbitrary: fc.constant(`Bearer ${tokens.admin}`) }, { weight: 2, arbitrary: fc.constantFrom(...tokens.others.map((t) => `Bearer ${t}`), '', 'Bearer', 'Basic YTpi', `Bearer ${tokens.admin}x`) }),
      idempotencyKey: fc.option(fc.oneof(printable, fc.constantFrom('', ' ', 'k'.repeat(300), 'fuzz-key-1', 'fuzz-key-2')), { nil: undefined, freq: 3 }),
    })
    .map(({ id, payload, contentType, authorization, idempotencyKey }) => ({
      method: route.method,
      url: route.url(id.startsWith('%') ? id : encodeURIComponent(id)),
      payload,
      headers: {
        ...(contentType ? { 'content-type': contentType } : {}),
        ...(authorization ? { authorization } : {}),
        ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
      },
    }));
