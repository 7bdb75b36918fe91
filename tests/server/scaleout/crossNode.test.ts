import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signToken } from '../../../server/auth/tokens';
import { connectSocket, startTestServer, TEST_AUTH_SECRET, testCounty, waitFor, type TestServer } from '../helpers/testServer';
import { GANZHE_STREET, gridIn, incidentAt } from '../helpers/fixtures';
import { createTestSchema, type TestSchema } from '../store/pgTestSchema';

// Two nodes in this process on one schema: what one node does, the other's screens must feel.
describe('actions that cross nodes on one PostgreSQL log', () => {
  let schema: TestSchema;
  let nodes: TestServer[];
  beforeEach(async () => {
    schema = await createTestSchema();
    const env = { STORE: 'postgres', DATABASE_URL: schema.url, TOUR_FILE: '', PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0', PRESSURE_MAX_HEAP_BYTES: '0' };
    nodes = [await startTestServer({ env }), await startTestServer({ env })];
  });
  afterEach(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await schema.drop();
  });

  it('cuts the sockets of a token revoked through another node, and refuses it there from then on', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const { token, claims } = signToken({ role: 'street', scope: GANZHE_STREET, ttlSeconds: 3600, now: Date.now() }, TEST_AUTH_SECRET);
    const socket = await connectSocket(b.url, token);
    let cut = false;
    socket.on('disconnect', () => (cut = true));
    const revoked = await fetch(`${a.url}/api/v1/admin/tokens/revoke`, {
      method: 'POST',
      headers: { ...a.admin, 'content-type': 'application/json' },
      body: JSON.stringify({ jti: claims.jti }),
    });
    expect(revoked.status).toBe(200);
    await waitFor(() => cut, socket, 15_000);
    const me = await fetch(`${b.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
  });

  it('tells the screens of every node to reload after a reset to morning on one, and gives them the new log', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const county = await testCounty();
    const report = (node: TestServer, n: number) =>
      node.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: node.admin, payload: incidentAt(gridIn(county, GANZHE_STREET, n)) });
    expect((await report(a, 1)).statusCode).toBe(201);
    await waitFor(() => b.services.live.headSeq === 1);
    const socket = await connectSocket(b.url, b.token());
    let reloaded = false;
    socket.on('reload', (notice) => (reloaded = notice.reason === 'reset'));
    expect(await socket.emitWithAck('view:subscribe', { scope: '350121' })).toMatchObject({ ok: true });
    const result = await a.services.demo.reset();
    await waitFor(() => reloaded, socket, 15_000);
    expect(b.services.live.epoch).toBe(result.epoch);
    expect(b.services.store.epoch()).toBe(result.epoch);
    expect(b.services.live.headSeq).toBe(result.headSeq);
    expect(b.services.live.entities.incidents.size).toBe(0);
    // The new log goes on from either node.
    expect((await report(b, 2)).statusCode).toBe(201);
    await waitFor(() => a.services.live.headSeq === result.headSeq + 1);
    socket.disconnect();
  }, 60_000);
});
