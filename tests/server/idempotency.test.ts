import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testCounty, type TestServer } from './helpers/testServer';
import { GANZHE_STREET, gridIn, incidentAt } from './helpers/fixtures';

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
