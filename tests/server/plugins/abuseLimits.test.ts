import { afterEach, describe, expect, it } from 'vitest';
import { loadLimits } from '../../../server/plugins/limitsConfig';
import { GANZHE_STREET, gridIn, incidentAt } from '../helpers/fixtures';
import { connectSocket, signTestToken, startTestServer, testCounty, type TestServer } from '../helpers/testServer';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const report = async (token: string, remoteAddress = '198.51.100.7', n = 0) =>
  server!.app.inject({
    method: 'POST',
    url: '/api/v1/incidents',
    remoteAddress,
    headers: { authorization: `Bearer ${token}` },
    payload: incidentAt(gridIn(await testCounty(), GANZHE_STREET, n)),
  });

const expectRateLimited = (response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
  expect(response.statusCode).toBe(429);
  expect(String(response.headers['retry-after'])).toMatch(/^[1-9]\d*$/);
  expect(response.json()).toMatchObject({ statusCode: 429, error: 'rate_limited' });
};

describe('abuse limits', () => {
  it('has defaults generous enough for a county of field apps', () => {
    const limits = loadLimits({});
    expect(limits.writesPerMinutePerToken).toBeGreaterThanOrEqual(6000);
    expect(limits.writesPerMinutePerAddress).toBeGreaterThanOrEqual(12000);
    expect(limits.subscribesPerMinutePerSocket).toBeGreaterThanOrEqual(60);
    expect(() => loadLimits({ RATE_LIMIT_WRITES_PER_TOKEN: '-1' })).toThrow(/RATE_LIMIT_WRITES_PER_TOKEN/);
  });

  it('answers writes past the per-token limit 429 rate_limited with Retry-After, other tokens and reads unaffected', async () => {
    server = await startTestServer({ listen: false, env: { RATE_LIMIT_WRITES_PER_TOKEN: '3' } });
    const busy = signTestToken('admin');
    for (let i = 0; i < 3; i++) expect((await report(busy, '198.51.100.7', i)).statusCode).toBe(201);
    expectRateLimited(await report(busy, '198.51.100.8', 3));
    expect((await report(signTestToken('ingest'), '198.51.100.7', 4)).statusCode).toBe(201);
    const read = await server.app.inject({ url: '/api/v1/snapshot', remoteAddress: '198.51.100.7', headers: { authorization: `Bearer ${busy}` } });
    expect(read.statusCode).toBe(200);
  });

  it('answers writes past the per-address limit 429 whatever token they carry', async () => {
    server = await startTestServer({ listen: false, env: { RATE_LIMIT_WRITES_PER_ADDRESS: '2' } });
    expect((await report(signTestToken('ingest'), '203.0.113.9', 0)).statusCode).toBe(201);
    expect((await report(signTestToken('admin'), '203.0.113.9', 1)).statusCode).toBe(201);
    expectRateLimited(await report(signTestToken('operator'), '203.0.113.9', 2));
    expect((await report(signTestToken('ingest'), '203.0.113.10', 3)).statusCode).toBe(201);
  });

  it('holds back an address that keeps presenting bad tokens, and limits token issuing', async () => {
    server = await startTestServer({ listen: false, env: { RATE_LIMIT_LOGINS_PER_ADDRESS: '2' } });
    const me = (token: string, remoteAddress: string) => server!.app.inject({ url: '/api/v1/me', remoteAddress, headers: { authorization: `Bearer ${token}` } });
    expect((await me('not-a-token', '192.0.2.1')).statusCode).toBe(401);
    expect((await me('still-not-a-token', '192.0.2.1')).statusCode).toBe(401);
    expectRateLimited(await me(signTestToken('admin'), '192.0.2.1'));
    expect((await me(signTestToken('admin'), '192.0.2.2')).statusCode).toBe(200);

    const issue = () =>
      server!.app.inject({ method: 'POST', url: '/api/v1/admin/tokens', remoteAddress: '192.0.2.3', headers: { authorization: `Bearer ${signTestToken('admin')}` }, payload: { role: 'display', scope: '350121', ttlSeconds: 3600 } });
    expect((await issue()).statusCode).toBe(201);
    expect((await issue()).statusCode).toBe(201);
    expectRateLimited(await issue());
  });

  it('refuses view:subscribe past the per-connection budget with rate_limited', async () => {
    server = await startTestServer({ env: { RATE_LIMIT_SUBSCRIBES_PER_SOCKET: '2' } });
    const socket = await connectSocket(server.url, signTestToken('admin'));
    try {
      expect(await socket.emitWithAck('view:subscribe', { scope: GANZHE_STREET })).toMatchObject({ ok: true });
      expect(await socket.emitWithAck('view:subscribe', { scope: '350121' })).toMatchObject({ ok: true });
      expect(await socket.emitWithAck('view:subscribe', { scope: GANZHE_STREET })).toMatchObject({ ok: false, error: 'rate_limited' });
    } finally {
      socket.disconnect();
    }
  });

  it('sheds load with 503 service_unavailable + Retry-After under memory pressure, liveness still answered', async () => {
    server = await startTestServer({ listen: false, env: { PRESSURE_MAX_HEAP_BYTES: '1' } });
    const snapshot = () => server!.app.inject({ url: '/api/v1/snapshot', headers: server!.admin });
    // under-pressure samples the heap once a second: wait for its first sample.
    await expect.poll(async () => (await snapshot()).statusCode, { timeout: 10_000, interval: 50 }).toBe(503);
    const response = await snapshot();
    expect(response.statusCode).toBe(503);
    expect(String(response.headers['retry-after'])).toMatch(/^\d+$/);
    expect(response.json()).toMatchObject({ error: 'service_unavailable' });
    expect(JSON.stringify(response.json())).not.toMatch(/heap|rss|eventLoop/i);
    expect((await server.app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
  });
});
