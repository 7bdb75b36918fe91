import { join } from 'node:path';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoState } from '../../../shared/contract/demo';
import type { Principal } from '../../../shared/logic/access';
import { DemoHub } from '../../../server/demo/DemoHub';
import type { Realtime } from '../../../server/realtime/Realtime';
import { signTestToken, startTestServer, type TestServer } from '../helpers/testServer';
import { scenarioRunning, ScriptedScenarios } from './fixtures/scriptedScenarios';

/** Three stops of 5 s (county, 甘蔗街道, 三福社区); idle resume after 10 s. */
const SHORT_TOUR = join(import.meta.dirname, 'fixtures', 'shortTour.json');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const FORBIDDEN = { statusCode: 403, error: 'forbidden', message: 'presenter or admin token required' };

describe('the demo routes', () => {
  let server: TestServer;
  const presenter = bearer(signTestToken('presenter'));
  const display = bearer(signTestToken('display'));
  const post = (url: string, headers: Record<string, string>, payload?: unknown) =>
    server.app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    server = await startTestServer({ env: { TOUR_FILE: SHORT_TOUR, TOUR_AUTOPLAY: 'off' }, listen: false });
  });
  afterAll(() => server?.close());

  it('GET /api/v1/demo shows any reader, even an anonymous wall, the demo state', async () => {
    const response = await server.app.inject({ url: '/api/v1/demo' });
    expect(response.statusCode).toBe(200);
    expect(response.json<DemoState>()).toMatchObject({ sample: true, resetting: false, tour: { mode: 'free', index: 0, stops: [{ id: 'county' }, {}, {}] } });
  });

  it('GET /api/v1/demo refuses a write-only ingest token', async () => {
    const response = await server.app.inject({ url: '/api/v1/demo', headers: bearer(signTestToken('ingest')) });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'forbidden' });
  });

  it('POST /api/v1/demo/tour carries out a presenter’s command and answers the new state', async () => {
    const response = await post('/api/v1/demo/tour', presenter, { action: 'jump', index: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ state: { tour: { mode: 'playing', index: 1 } } });
    expect(server.services.tour!.state().index).toBe(1);
  });

  it('POST /api/v1/demo/tour refuses a display token with 403, whatever the body', async () => {
    for (const payload of [{ action: 'next' }, { action: 'fly' }]) {
      const response = await post('/api/v1/demo/tour', display, payload);
      expect([response.statusCode, response.json()]).toEqual([403, FORBIDDEN]);
    }
  });

  it('POST /api/v1/demo/tour refuses an anonymous wall with 403 and a bad token with 401', async () => {
    expect((await post('/api/v1/demo/tour', {}, { action: 'next' })).statusCode).toBe(403);
    expect((await post('/api/v1/demo/tour', bearer('not-a-token'), { action: 'next' })).statusCode).toBe(401);
  });

  it.each([
    [{ action: 'fly' }, 'body/action "fly" is not one of the known values'],
    [{ action: 'jump', index: '2' }, 'body/index must be integer'],
    [{ action: 'pause', index: 1 }, "body has an unknown field 'index'"],
  ])('POST /api/v1/demo/tour answers 400 naming the field for %j', async (payload, message) => {
    const response = await post('/api/v1/demo/tour', presenter, payload);
    expect([response.statusCode, response.json()]).toEqual([400, { statusCode: 400, error: 'validation_failed', message }]);
  });

  it('POST /api/v1/demo/tour answers 400 for a stop the tour does not have', async () => {
    const response = await post('/api/v1/demo/tour', presenter, { action: 'jump', index: 3 });
    expect([response.statusCode, response.json()]).toEqual([400, { statusCode: 400, error: 'invalid_command', message: 'index must be from 0 to 2, got 3' }]);
  });

  it('POST /api/v1/demo/scenarios/:id answers 400 naming the field for a scenario it does not know', async () => {
    const response = await post('/api/v1/demo/scenarios/earthquake', presenter, {});
    expect([response.statusCode, response.json()]).toMatchObject([400, { error: 'validation_failed', message: 'params/id must be equal to one of the allowed values' }]);
  });

  it('POST /api/v1/demo/scenarios/:id and /reset refuse a display token with 403', async () => {
    expect((await post('/api/v1/demo/scenarios/typhoon', display, {})).json()).toEqual(FORBIDDEN);
    expect((await post('/api/v1/demo/reset', display, {})).json()).toEqual(FORBIDDEN);
  });

  it('POST /api/v1/demo/reset answers 400 for a body with fields', async () => {
    const response = await post('/api/v1/demo/reset', presenter, { hard: true });
    expect([response.statusCode, response.json().message]).toEqual([400, "body has an unknown field 'hard'"]);
  });

  describe('with the scenarios attached', () => {
    let scenarios: ScriptedScenarios;
    beforeAll(() => {
      scenarios = new ScriptedScenarios();
      server.services.demoHub.attachScenarios(scenarios);
    });

    it('POST /api/v1/demo/scenarios/typhoon starts the scenario and answers the state with it running', async () => {
      const response = await post('/api/v1/demo/scenarios/typhoon', presenter, {});
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ state: { scenario: { id: 'typhoon', running: true } } });
      expect(scenarios.started).toEqual(['typhoon']);
    });

    it('passes on the scenarios’ refusal with its status and code', async () => {
      scenarios.refuseNext = scenarioRunning();
      const response = await post('/api/v1/demo/scenarios/homeDay', presenter, {});
      expect([response.statusCode, response.json()]).toEqual([409, { statusCode: 409, error: 'scenario_running', message: 'scenario typhoon is still running' }]);
    });

    it('POST /api/v1/demo/reset answers once the reset is done, with its result', async () => {
      const response = await post('/api/v1/demo/reset', presenter, {});
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ state: expect.objectContaining({ scenario: null, resetting: false }), reset: { clockAt: 1000, headSeq: 0, epoch: 'epoch-1' } });
    });
  });
});

describe('the demo hub before the scenarios are attached', () => {
  // A Socket.IO server on no HTTP server: nobody connects, the hub's answers are what is tested.
  const io: Realtime['io'] = new Server();
  const hub = new DemoHub({ io, tour: null, sample: true });
  const presenter: Principal = { role: 'presenter', scope: '350121' };
  afterAll(() => hub.close());

  it('answers scenario and reset commands with demo_unavailable (503)', async () => {
    const unavailable = { ok: false, statusCode: 503, error: 'demo_unavailable', message: 'scenarios and reset are not available on this server' };
    expect(await hub.startScenario(presenter, { id: 'typhoon' })).toEqual(unavailable);
    expect(await hub.reset(presenter, {})).toEqual(unavailable);
  });

  it('answers tour commands with tour_unavailable (503) when no tour is configured', () => {
    expect(hub.tourCommand(presenter, { action: 'next' })).toMatchObject({ ok: false, statusCode: 503, error: 'tour_unavailable' });
    expect(hub.state()).toEqual({ sample: true, tour: null, scenario: null, resetting: false, sentAt: expect.any(Number) });
  });
});
