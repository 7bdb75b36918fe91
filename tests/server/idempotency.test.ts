import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../server/auth/tokens';
import { signTestToken, startTestServer, testCounty, TEST_AUTH_SECRET, type TestServer } from './helpers/testServer';
import { GANZHE_STREET, SHANGJIE_TOWN, gridIn, incidentAt } from './helpers/fixtures';

describe('Idempotency-Key on writes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ listen: false });
  });
  afterAll(() => server?.close());

  const post = (body: object, key: string) =>
    server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: { 'idempotency-key': key, ...server.admin }, payload: body });

  it('returns the first response to a retry with the same key and body, and writes nothing more', async () => {
    const body = incidentAt(gridIn(await testCounty(), GANZHE_STREET));
    const first = await post(body, 'tablet-7f3a-0001');
    const head = await server.services.store.headSeq();
    const retry = await post(body, 'tablet-7f3a-0001');
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await server.services.store.headSeq()).toBe(head);
  });

  it('treats the same body in another key order as the same request', async () => {
    const body = incidentAt(gridIn(await testCounty(), GANZHE_STREET, 1));
    const first = await post(body, 'tablet-7f3a-0002');
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const retry = await post(reordered, 'tablet-7f3a-0002');
    expect(retry.json().id).toBe(first.json().id);
  });

  it('answers 422 to the same key with a different body, storing nothing', async () => {
    const grid = gridIn(await testCounty(), GANZHE_STREET, 2);
    await post(incidentAt(grid), 'tablet-7f3a-0003');
    const head = await server.services.store.headSeq();
    const other = await post(incidentAt(grid, { description: '另一件事' }), 'tablet-7f3a-0003');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ error: 'idempotency_key_reused' });
    expect(await server.services.store.headSeq()).toBe(head);
  });

  it('commits concurrent retries of one key once', async () => {
    const body = incidentAt(gridIn(await testCounty(), GANZHE_STREET, 4));
    const head = await server.services.store.headSeq();
    const replies = await Promise.all([1, 2, 3].map(() => post(body, 'tablet-7f3a-0004')));
    expect(new Set(replies.map((r) => r.json().id)).size).toBe(1);
    expect(await server.services.store.headSeq()).toBe(head + 1);
  });

  it('refuses a malformed key with 400', async () => {
    const reply = await post(incidentAt(gridIn(await testCounty(), GANZHE_STREET)), 'has spaces in it');
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({ error: 'invalid_idempotency_key' });
  });
});

/** A key is the caller's own: another token sending the same key and body is a new request, answered as one. */
describe('Idempotency-Key across principals', () => {
  let server: TestServer;
  const operator = signTestToken('operator');
  const streetA = signTestToken('street', GANZHE_STREET);
  const ingest = signTestToken('ingest');
  const ID_NUMBER = '350121195001011111';
  beforeAll(async () => {
    server = await startTestServer({ listen: false });
  });
  afterAll(() => server?.close());

  const send = (token: string, url: string, payload: object, key?: string) =>
    server.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) } });
  const reportInB = async (n: number) =>
    incidentAt(gridIn(await testCounty(), SHANGJIE_TOWN, n), { reporter: { name: '张三丰', phone: '13812345678', idNumber: ID_NUMBER } });
  const answerOf = (response: { statusCode: number; body: string; headers: Record<string, unknown> }) => ({
    status: response.statusCode,
    body: response.body,
    replayed: response.headers['idempotent-replayed'],
  });

  it('answers another street’s token as a fresh out-of-scope report, not with the operator’s response', async () => {
    const body = await reportInB(0);
    const first = await send(operator, '/api/v1/incidents', body, 'shared-key-report');
    expect(first.statusCode).toBe(201);
    const head = await server.services.store.headSeq();
    const stolen = await send(streetA, '/api/v1/incidents', body, 'shared-key-report');
    const fresh = await send(streetA, '/api/v1/incidents', body, 'street-a-own-key');
    expect(answerOf(stolen)).toEqual(answerOf(fresh));
    expect(stolen.statusCode).toBe(403);
    expect(stolen.body).not.toContain('13812345678');
    expect(stolen.body).not.toContain(first.json().id);
    expect(await server.services.store.headSeq()).toBe(head);
  });

  it('answers another street’s token as a fresh transition on an incident it cannot see', async () => {
    const incident = (await send(operator, '/api/v1/incidents', await reportInB(1))).json();
    const url = `/api/v1/incidents/${incident.id}/transitions`;
    expect((await send(operator, url, { action: 'accept' }, 'shared-key-accept')).statusCode).toBe(200);
    const stolen = await send(streetA, url, { action: 'accept' }, 'shared-key-accept');
    const fresh = await send(streetA, url, { action: 'accept' });
    expect(answerOf(stolen)).toEqual(answerOf(fresh));
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json()).toMatchObject({ error: 'incident_not_found' });
  });

  it('never hands a write-only (ingest) token a reporter’s ID number, fresh or replayed', async () => {
    const body = await reportInB(2);
    const operators = await send(operator, '/api/v1/incidents', body, 'shared-key-ingest');
    expect(operators.json().reporter).toMatchObject({ idNumber: ID_NUMBER });
    const ingests = await send(ingest, '/api/v1/incidents', body, 'shared-key-ingest');
    expect(ingests.statusCode).toBe(201);
    expect(ingests.headers['idempotent-replayed']).toBeUndefined();
    expect(ingests.json().id).not.toBe(operators.json().id);
    const replay = await send(ingest, '/api/v1/incidents', body, 'shared-key-ingest');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(ingests.json());
    for (const response of [ingests, replay]) {
      expect(response.body).not.toContain(ID_NUMBER);
      expect(response.body).not.toContain('13812345678');
    }
  });

  it('still replays to the same principal, even under a re-issued token (another jti)', async () => {
    const body = await reportInB(3);
    const first = await send(operator, '/api/v1/incidents', body, 'operator-own-key');
    const reissued = signToken({ role: 'operator', scope: '350121', ttlSeconds: 600, now: Date.now() }, TEST_AUTH_SECRET).token;
    const head = await server.services.store.headSeq();
    const retry = await send(reissued, '/api/v1/incidents', body, 'operator-own-key');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await server.services.store.headSeq()).toBe(head);
  });
});
