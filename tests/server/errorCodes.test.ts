import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../server/errorCodes';
import { startTestServer, type TestServer } from './helpers/testServer';

/** The codes of the README's error table: rows of the form | `code` | status | meaning |. */
const documentedCodes = () => [...readFileSync('README.md', 'utf8').matchAll(/^\| `([a-z_]+)` \| [0-9x, ]+ \|/gm)].map((m) => m[1]);

describe('every error answers with a documented, stable snake_case code', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const json = { 'content-type': 'application/json' };
  const cases: [string, { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; headers?: Record<string, string>; payload?: string }, number, string][] = [
    ['bad percent-encoding in the path', { method: 'GET', url: '/api/v1/incidents/%zz' }, 400, 'invalid_url'],
    ['bad percent-encoding on a write', { method: 'POST', url: '/api/v1/incidents/%E0%A4%A/transitions', headers: json, payload: '{}' }, 400, 'invalid_url'],
    ['a path parameter longer than the router allows', { method: 'POST', url: `/api/v1/checkins/${'C'.repeat(600)}/checkout`, headers: json, payload: '{}' }, 414, 'uri_too_long'],
    ['a body starting with a UTF-8 byte-order mark', { method: 'POST', url: '/api/v1/admin/heartbeat', headers: json, payload: '\ufeff{"paused":false}' }, 400, 'invalid_json'],
    ['XML', { method: 'POST', url: '/api/v1/incidents', headers: { 'content-type': 'application/xml' }, payload: '<a/>' }, 415, 'unsupported_media_type'],
    ['broken JSON', { method: 'POST', url: '/api/v1/incidents', headers: json, payload: '{"a":' }, 400, 'invalid_json'],
    ['a prototype-poisoning key', { method: 'POST', url: '/api/v1/incidents', headers: json, payload: '{"__proto__":{"x":1}}' }, 400, 'invalid_json'],
    ['an empty JSON body', { method: 'POST', url: '/api/v1/incidents', headers: json, payload: '' }, 400, 'empty_body'],
    ['a body over the limit', { method: 'POST', url: '/api/v1/incidents', headers: json, payload: JSON.stringify({ d: 'x'.repeat(100_000) }) }, 413, 'body_too_large'],
    ['an unknown method on a known path', { method: 'DELETE', url: '/api/v1/incidents' }, 404, 'route_not_found'],
  ];
  for (const [what, request, status, code] of cases) {
    it(`answers ${status} ${code} to ${what}`, async () => {
      const response = await server.app.inject({ ...request, headers: { ...server.admin, ...request.headers } });
      expect([response.statusCode, response.json().error]).toEqual([status, code]);
      expect(Object.keys(response.json()).sort()).toEqual(['error', 'message', 'statusCode']);
    });
  }

  it('answers bytes that are not HTTP with a JSON 400 bad_request, not Node’s bare one', async () => {
    const { port } = new URL(server.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GARBAGE / HTTP/9\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ statusCode: 400, error: 'bad_request' });
  });

  it('documents exactly the codes it uses, in the README table', () => {
    expect(documentedCodes().sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });
});
