import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract/snapshot';
import { framesOf, type EventFrame } from '../../shared/contract/socket';
import { signToken } from '../../server/auth/tokens';
import { connectSocket, signTestToken, startTestServer, testCounty, TEST_AUTH_SECRET, waitFor, type TestServer } from './helpers/testServer';
import { GANZHE_STREET as A, SHANGJIE_TOWN as B, gridIn, incidentAt } from './helpers/fixtures';

describe('two street leaders, each confined to their own street', () => {
  let server: TestServer;
  const tokenA = signTestToken('street', A);
  const tokenB = signTestToken('street', B);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const county = await testCounty();
    const post = async (url: string, payload: object, token: string) =>
      (await server.app.inject({ method: 'POST', url, payload, headers: bearer(token) })).json();
    ids.incidentB = (await post('/api/v1/incidents', incidentAt(gridIn(county, B)), tokenB)).id;
    ids.incidentA = (await post('/api/v1/incidents', incidentAt(gridIn(county, A)), tokenA)).id;
    ids.checkinB = (await post('/api/v1/checkins', { memberId: 'MB', memberName: '吴敏', kind: 'volunteer', category: 'policy', gridCode: gridIn(county, B).code }, tokenB)).id;
    ids.wishB = (await post('/api/v1/wishes', { title: '修水管', description: '', regionCode: gridIn(county, B).code, residentName: '何伯' }, tokenB)).id;
    ids.stationB = [...server.services.live.entities.stations.values()].find((s) => s.regionPath[1] === B)!.id;
  });
  afterAll(() => server?.close());

  const as = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

  it('cannot read the other street by any route (404, as if it did not exist)', async () => {
    const reads = [
      `/api/v1/snapshot?scope=${B}`,
      `/api/v1/snapshot?scope=${B}001`,
      `/api/v1/snapshot?scope=350121`,
      `/api/v1/events?after=0&scope=${B}`,
      `/api/v1/events?after=0&scope=350121`,
      `/api/v1/regions?level=community&within=${B}`,
      `/api/v1/regions?level=grid&within=${B}`,
      `/api/v1/incidents/${ids.incidentB}`,
    ];
    for (const url of reads) expect((await as(tokenA, 'GET', url)).statusCode, url).toBe(404);
  });

  it('sees only its own street where no scope is given', async () => {
    const events = (await as(tokenA, 'GET', '/api/v1/events?after=0')).json().events as { regionPath: string[] }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.regionPath[1] === A)).toBe(true);
    const grids = (await as(tokenA, 'GET', '/api/v1/regions?level=grid')).json().features as { properties: { code: string } }[];
    expect(grids.every((f) => f.properties.code.startsWith(A))).toBe(true);
    const snapshot = (await as(tokenA, 'GET', '/api/v1/snapshot')).json() as Snapshot;
    expect(snapshot.scope).toBe(A);
  });

  it('cannot act in the other street by any route: its things and places answer as missing ones, and nothing is written', async () => {
    const county = await testCounty();
    const head = await server.services.store.headSeq();
    const actions: ['POST' | 'PUT', string, object, number, string][] = [
      // A point is public geography: refused for the place, naming only the caller's own scope.
      ['POST', '/api/v1/incidents', incidentAt(gridIn(county, B, 1)), 403, 'out_of_scope'],
      ['POST', '/api/v1/incidents', { ...incidentAt(gridIn(county, A)), gridCode: gridIn(county, B).code }, 422, 'grid_not_found'],
      ['POST', `/api/v1/incidents/${ids.incidentB}/transitions`, { action: 'accept' }, 404, 'incident_not_found'],
      ['PUT', `/api/v1/stations/${ids.stationB}/status`, { status: 'open' }, 404, 'station_not_found'],
      ['POST', '/api/v1/checkins', { memberId: 'MA', memberName: '吴敏', kind: 'volunteer', category: 'policy', gridCode: gridIn(county, B).code }, 422, 'grid_not_found'],
      ['POST', `/api/v1/checkins/${ids.checkinB}/checkout`, {}, 404, 'checkin_not_found'],
      ['POST', '/api/v1/wishes', { title: '修水管', description: '', regionCode: gridIn(county, B).code, residentName: '何伯' }, 422, 'region_not_found'],
      ['POST', `/api/v1/wishes/${ids.wishB}/claim`, { claimerName: '陈' }, 404, 'wish_not_found'],
      ['POST', `/api/v1/wishes/${ids.wishB}/fulfil`, {}, 404, 'wish_not_found'],
    ];
    for (const [method, url, payload, status, error] of actions) {
      const response = await as(tokenA, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(status);
      expect(response.json().error, `${method} ${url}`).toBe(error);
    }
    expect(await server.services.store.headSeq()).toBe(head);
  });

  it('keeps ids it chooses in its own namespace, so another street’s id is just a free one', async () => {
    const county = await testCounty();
    const chosen = await as(tokenA, 'POST', '/api/v1/incidents', incidentAt(gridIn(county, A), { id: ids.incidentB }));
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json().id).toBe(`${A}:${ids.incidentB}`);
    expect(server.services.live.entities.incidents.get(ids.incidentB!)?.regionPath).toContain(B);
    const again = await as(tokenA, 'POST', '/api/v1/incidents', incidentAt(gridIn(county, A), { id: ids.incidentB }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'duplicate_id' });
  });

  it('keeps a county-wide caller’s chosen ids as they are, but never lets them into a street’s namespace', async () => {
    const county = await testCounty();
    const ingest = signTestToken('ingest');
    const ticket = await as(ingest, 'POST', '/api/v1/incidents', incidentAt(gridIn(county, B), { id: '12345-20260105-0001' }));
    expect(ticket.statusCode).toBe(201);
    expect(ticket.json().id).toBe('12345-20260105-0001');
    const intruding = await as(ingest, 'POST', '/api/v1/incidents', incidentAt(gridIn(county, B), { id: `${A}:mine` }));
    expect(intruding.statusCode).toBe(400);
    expect(intruding.json()).toMatchObject({ error: 'validation_failed', message: expect.stringContaining('body/id') });
  });

  it('refuses a chosen id too long to keep under its scope, naming the field', async () => {
    const response = await as(tokenA, 'POST', '/api/v1/incidents', incidentAt(gridIn(await testCounty(), A), { id: 'x'.repeat(60) }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_failed', message: expect.stringContaining('body/id') });
  });

  it('cannot subscribe to or catch up on the other street over the socket', async () => {
    const socket = await connectSocket(server.url, tokenA);
    const frames: EventFrame[] = [];
    socket.on('events', (batch) => frames.push(...framesOf(batch)));
    for (const scope of [B, `${B}001`, '350121']) {
      expect(await socket.emitWithAck('view:subscribe', { scope })).toMatchObject({ ok: false, error: 'region_not_found' });
      expect(await socket.emitWithAck('view:subscribe', { scope, afterSeq: 0 })).toMatchObject({ ok: false });
    }
    expect(await socket.emitWithAck('view:subscribe', { scope: A, afterSeq: 0 })).toMatchObject({ ok: true });
    await server.app.inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentAt(gridIn(await testCounty(), B, 2)), headers: bearer(tokenB) });
    await server.app.inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentAt(gridIn(await testCounty(), A, 2)), headers: bearer(tokenA) });
    await waitFor(() => frames.some((f) => f.event.type === 'incident:reported' && f.event.seq === server.services.live.headSeq), socket);
    expect(frames.every((f) => f.event.regionPath[1] === A)).toBe(true);
    socket.disconnect();
  });

  it('cuts the live socket of a revoked token, and refuses it afterwards', async () => {
    const { token, claims } = signToken({ role: 'street', scope: A, ttlSeconds: 3600, now: Date.now() }, TEST_AUTH_SECRET);
    const socket = await connectSocket(server.url, token);
    expect(await socket.emitWithAck('view:subscribe', { scope: A })).toMatchObject({ ok: true });
    const cut = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const revoke = await server.app.inject({ method: 'POST', url: '/api/v1/admin/tokens/revoke', payload: { jti: claims.jti }, headers: server.admin });
    expect(revoke.json()).toMatchObject({ revoked: claims.jti, socketsCut: 1 });
    expect(await cut).toBe('io server disconnect');
    expect((await as(token, 'GET', '/api/v1/snapshot')).statusCode).toBe(401);
    await expect(connectSocket(server.url, token)).rejects.toThrow(/revoked/);
  });
});

describe('roles', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ listen: false });
  });
  afterAll(() => server?.close());

  const call = (token: string | undefined, method: 'GET' | 'POST', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload ? { payload } : {}) });

  it('lets a field app (ingest) write but not read', async () => {
    const ingest = signTestToken('ingest');
    expect((await call(ingest, 'POST', '/api/v1/incidents', incidentAt(gridIn(await testCounty(), A)))).statusCode).toBe(201);
    expect((await call(ingest, 'GET', '/api/v1/snapshot')).statusCode).toBe(403);
  });

  it('lets a wall (display, or no token at all) read masked data but never write', async () => {
    for (const token of [signTestToken('display'), undefined]) {
      expect((await call(token, 'POST', '/api/v1/incidents', incidentAt(gridIn(await testCounty(), A)))).statusCode).toBe(403);
      const snapshot = (await call(token, 'GET', '/api/v1/snapshot')).json() as Snapshot;
      expect(snapshot.incidents.length).toBeGreaterThan(0);
      expect(JSON.stringify(snapshot)).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)|张三丰/);
    }
  });

  it('shows an operator the reporter in full', async () => {
    const snapshot = (await call(signTestToken('operator'), 'GET', '/api/v1/snapshot')).json() as Snapshot;
    expect(snapshot.incidents[0]?.reporter).toMatchObject({ name: '张三丰', phone: '13812345678' });
  });

  it('refuses expired, forged and malformed tokens with 401', async () => {
    const expired = signToken({ role: 'admin', scope: '350121', ttlSeconds: 60, now: Date.now() - 120_000 }, TEST_AUTH_SECRET).token;
    const forged = signToken({ role: 'admin', scope: '350121', ttlSeconds: 60, now: Date.now() }, 'another-secret').token;
    for (const [token, message] of [[expired, /expired/], [forged, /signature/], ['not-a-token', /malformed/]] as const) {
      const response = await call(token, 'GET', '/api/v1/snapshot');
      expect(response.statusCode).toBe(401);
      expect(response.json().message).toMatch(message);
    }
  });

  it('requires a token for everything but health when anonymous access is off', async () => {
    const closed = await startTestServer({ listen: false, env: { ANONYMOUS_ROLE: 'none' } });
    try {
      expect((await closed.app.inject({ method: 'GET', url: '/api/v1/snapshot' })).statusCode).toBe(401);
      expect((await closed.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it('tells a caller who it is', async () => {
    expect((await call(signTestToken('street', A), 'GET', '/api/v1/me')).json()).toMatchObject({ role: 'street', scope: A, audience: 'full' });
    expect((await call(undefined, 'GET', '/api/v1/me')).json()).toMatchObject({ role: 'display', scope: '350121', audience: 'public' });
  });

  it('keeps admin routes for admins', async () => {
    const response = await call(signTestToken('operator'), 'POST', '/api/v1/admin/tokens', { role: 'admin', scope: '350121', ttlSeconds: 3600 });
    expect(response.statusCode).toBe(403);
    const issued = await call(signTestToken('admin'), 'POST', '/api/v1/admin/tokens', { role: 'street', scope: A, ttlSeconds: 3600 });
    expect(issued.statusCode).toBe(201);
    expect((await call(issued.json().token, 'GET', '/api/v1/snapshot')).json().scope).toBe(A);
  });
});
