import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/contract/http';
import { isErrorCode } from '../../server/errorCodes';
import { GANZHE_STREET, gridIn, incidentAt } from './helpers/fixtures';
import { fuzzRequest, type FuzzRequest, type WriteRoute } from './helpers/fuzzRequests';
import { startTestServer, testCounty, type TestServer } from './helpers/testServer';

/** Generated requests per write route and run: 15 routes × 700 = 10,500 per CI run. */
const RUNS_PER_ROUTE = 700;
const UNLIMITED = {
  RATE_LIMIT_WRITES_PER_TOKEN: '10000000',
  RATE_LIMIT_WRITES_PER_ADDRESS: '10000000',
  RATE_LIMIT_LOGINS_PER_ADDRESS: '10000000',
  PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
  PRESSURE_MAX_HEAP_BYTES: '0',
};
const at = (route: string) => (id: string) => route.replace(':id', id);

describe('fuzzed writes to every write route', () => {
  let server: TestServer;
  let routes: WriteRoute[];
  const tally = { requests: 0, byStatus: new Map<number, number>() };

  beforeAll(async () => {
    // The test helper's server, with abuse limits out of the way: 10,000 requests in seconds from one
    // token would otherwise be mostly 429s (stable, but then the bodies are never looked at), and a
    // loaded CI machine's event-loop lag must not turn into 503s. Rate limits have their own tests.
    server = await startTestServer({ listen: false, env: UNLIMITED });
    const county = await testCounty();
    const grid = gridIn(county, GANZHE_STREET);
    const post = async (url: string, payload: object) => (await server.app.inject({ method: 'POST', url, payload, headers: server.admin })).json() as { id: string };
    const incident = await post(ROUTES.incidents, incidentAt(grid));
    const checkin = await post(ROUTES.checkins, { memberId: 'M-FUZZ', memberName: '吴敏', kind: 'volunteer', category: 'policy', gridCode: grid.code });
    const wish = await post(ROUTES.wishes, { title: '修水管', description: '', regionCode: grid.code, residentName: '何伯' });
    const station = [...server.services.live.entities.stations.values()][0]!;
    routes = [
      { name: 'report incident', method: 'POST', url: () => ROUTES.incidents, valid: { ...incidentAt(grid) } },
      { name: 'transition', method: 'POST', url: at(ROUTES.incidentTransitions), id: incident.id, valid: { action: 'dispatch', assignee: '市政维修队' } },
      { name: 'alarm ack', method: 'POST', url: at(ROUTES.incidentAlarmAck), id: incident.id, valid: {} },
      { name: 'station status', method: 'PUT', url: at(ROUTES.stationStatus), id: station.id, valid: { status: 'extended', visitors: 12, activity: '义诊' } },
      { name: 'check in', method: 'POST', url: () => ROUTES.checkins, valid: { memberId: 'M-2', memberName: '王五', kind: 'party_member', category: 'elder_help', gridCode: grid.code } },
      { name: 'check out', method: 'POST', url: at(ROUTES.checkout), id: checkin.id, valid: {} },
      { name: 'wish', method: 'POST', url: () => ROUTES.wishes, valid: { title: '修轮椅', description: '', regionCode: grid.code, residentName: '赵六' } },
      { name: 'wish claim', method: 'POST', url: at(ROUTES.wishClaim), id: wish.id, valid: { claimerName: '李四' } },
      { name: 'wish fulfil', method: 'POST', url: at(ROUTES.wishFulfil), id: wish.id, valid: {} },
      { name: 'issue token', method: 'POST', url: () => '/api/v1/admin/tokens', valid: { role: 'display', scope: '350121', ttlSeconds: 3600 } },
      { name: 'revoke token', method: 'POST', url: () => '/api/v1/admin/tokens/revoke', valid: { jti: 'fuzz-jti', expiresAt: Math.floor(Date.now() / 1000) + 3600 } },
      { name: 'heartbeat', method: 'POST', url: () => '/api/v1/admin/heartbeat', valid: { paused: false } },
      { name: 'tour command', method: 'POST', url: () => ROUTES.demoTour, valid: { action: 'jump', index: 0 } },
      // Started for real, a scenario or a reset would write on its own while later requests run.
      { name: 'start scenario', method: 'POST', url: at(ROUTES.demoScenario), id: 'typhoon', valid: {}, alwaysInvalid: true },
      { name: 'reset to morning', method: 'POST', url: () => ROUTES.demoReset, valid: {}, alwaysInvalid: true },
    ];
  });
  afterAll(async () => {
    console.log(JSON.stringify({ fuzzedRequests: tally.requests, byStatus: Object.fromEntries(tally.byStatus) }));
    await server?.close();
  });

  const send = async (request: FuzzRequest) => {
    const before = server.services.live.headSeq;
    const response = await server.app.inject(request);
    tally.requests += 1;
    tally.byStatus.set(response.statusCode, (tally.byStatus.get(response.statusCode) ?? 0) + 1);
    return { response, stored: server.services.live.headSeq - before };
  };

  it('answers every request below 500, every refusal with a documented code, and stores nothing it refused', async () => {
    const tokens = { admin: server.token('admin'), others: [server.token('ingest'), server.token('display'), server.token('street', GANZHE_STREET)] };
    const scenario = routes.find((r) => r.name === 'start scenario')!;
    for (const route of routes) {
      const requests = fuzzRequest(route, tokens).filter((r) => !(route === scenario && r.url === scenario.url('typhoon') && r.payload === '{}'));
      await fc.assert(
        fc.asyncProperty(requests, async (request) => {
          const { response, stored } = await send(request);
          const status = response.statusCode;
          expect(status, `${route.name}: ${request.payload.slice(0, 200)}`).toBeLessThan(500);
          if (status >= 400) {
            const body = response.json() as { statusCode: number; error: string; message: string };
            expect(isErrorCode(body.error), `${route.name}: code ${body.error} for ${request.payload.slice(0, 200)}`).toBe(true);
            expect([body.statusCode, typeof body.message]).toEqual([status, 'string']);
            expect(stored, `${route.name}: a ${status} stored events`).toBe(0);
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    expect(tally.requests).toBeGreaterThanOrEqual(10_000);
    // Most requests must reach the parsers and handlers, not stop at a limit.
    expect(tally.byStatus.get(429) ?? 0).toBeLessThan(tally.requests / 20);
    // What the store holds is what live state applied: nothing went in around a refusal.
    expect(await server.services.store.headSeq()).toBe(server.services.live.headSeq);
  }, 120_000);
});
