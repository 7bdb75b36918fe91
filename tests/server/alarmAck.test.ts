import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventsPage, Snapshot } from '../../shared/contract/snapshot';
import { framesOf, type EventFrame } from '../../shared/contract/socket';
import type { Incident, Priority } from '../../shared/domain/incident';
import { activeAlarms } from '../../shared/logic/alarms/alarmOf';
import { DEFAULT_ALARM_POLICY } from '../../shared/logic/alarms/alarmPolicy';
import { createClock, type Clock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { ConfigError } from '../../server/ConfigError';
import { connectSocket, signTestToken, startTestServer, testCounty, waitFor, type TestServer } from './helpers/testServer';
import { GANZHE_STREET as A, SHANGJIE_TOWN as B, gridIn, incidentAt } from './helpers/fixtures';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const ackUrl = (id: string) => `/api/v1/incidents/${id}/alarm-ack`;

describe('acknowledging an alarm: POST /api/v1/incidents/:id/alarm-ack', () => {
  let server: TestServer;
  let clock: Clock;
  const streetA = signTestToken('street', A);
  const streetB = signTestToken('street', B);
  let n = 0;

  beforeAll(async () => {
    clock = createClock();
    server = await startTestServer({ clock });
  });
  afterAll(() => server?.close());

  /** Reports an incident in street A (a fresh grid each time) and returns it as the server stored it. */
  const report = async (priority: Priority, street = A): Promise<Incident> => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: server.admin,
      payload: incidentAt(gridIn(await testCounty(), street, n++), { priority, category: 'safety', description: '楼道堆放杂物，存在火灾隐患' }),
    });
    expect(response.statusCode).toBe(201);
    return response.json() as Incident;
  };

  const ack = (id: string, token: string, key?: string, payload: object = {}) =>
    server.app.inject({ method: 'POST', url: ackUrl(id), payload, headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) } });

  const snapshot = async (token = signTestToken('display')): Promise<Snapshot> =>
    (await server.app.inject({ method: 'GET', url: '/api/v1/snapshot', headers: bearer(token) })).json() as Snapshot;

  it('records the acknowledgement as one sequenced event naming the role, stamps the incident, and the alarm is gone', async () => {
    const incident = await report('urgent');
    const before = await snapshot();
    expect(activeAlarms(before.incidents, before.at, DEFAULT_ALARM_POLICY).map((a) => a.incidentId)).toContain(incident.id);

    const response = await ack(incident.id, streetA);
    expect(response.statusCode).toBe(200);
    const acked = response.json() as Incident;
    expect(acked.alarmAcknowledgedAt).toBeGreaterThanOrEqual(incident.reportedAt);
    expect(acked).toMatchObject({ id: incident.id, status: 'reported', timeline: incident.timeline });

    const page = (await server.app.inject({ method: 'GET', url: `/api/v1/events?after=${before.seq}`, headers: server.admin })).json() as EventsPage;
    expect(page.events.map((e) => [e.type, e.payload])).toEqual([['incident:alarmAcknowledged', { incidentId: incident.id, by: 'street' }]]);
    expect(page.events[0]?.regionPath).toEqual(incident.regionPath);

    const after = await snapshot();
    const shown = after.incidents.find((i) => i.id === incident.id);
    expect(shown?.alarmAcknowledgedAt).toBe(acked.alarmAcknowledgedAt);
    expect(activeAlarms(after.incidents, after.at, DEFAULT_ALARM_POLICY).map((a) => a.incidentId)).not.toContain(incident.id);
    expect(after.kpis.incidents).toEqual(before.kpis.incidents);
  });

  it('sends the acknowledgement to every wall watching, so the alarm stops on all of them', async () => {
    const incident = await report('urgent');
    const walls = await Promise.all([connectSocket(server.url, signTestToken('display')), connectSocket(server.url)]);
    const frames: EventFrame[][] = walls.map(() => []);
    walls.forEach((socket, i) => socket.on('events', (batch) => frames[i]!.push(...framesOf(batch))));
    for (const socket of walls) expect(await socket.emitWithAck('view:subscribe', { scope: '350121' })).toMatchObject({ ok: true });
    expect((await ack(incident.id, signTestToken('operator'))).statusCode).toBe(200);
    const acknowledged = (list: EventFrame[]) =>
      list.some((f) => f.event.type === 'incident:alarmAcknowledged' && f.event.payload.incidentId === incident.id);
    await waitFor(() => frames.every(acknowledged));
    for (const socket of walls) socket.disconnect();
  });

  it('lets an operator and an admin acknowledge anywhere in the county', async () => {
    expect((await ack((await report('urgent', B)).id, signTestToken('operator'))).statusCode).toBe(200);
    expect((await ack((await report('urgent', B)).id, signTestToken('admin'))).statusCode).toBe(200);
  });

  it('answers a street leader outside their street as for an incident that does not exist (404), writing nothing', async () => {
    const incident = await report('urgent', B);
    const head = await server.services.store.headSeq();
    const response = await ack(incident.id, streetA);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ statusCode: 404, error: 'incident_not_found' });
    expect(await server.services.store.headSeq()).toBe(head);
    expect((await ack(incident.id, streetB)).statusCode).toBe(200);
  });

  it('refuses walls, presenters, field apps and anonymous screens with 403 forbidden', async () => {
    const incident = await report('urgent');
    for (const role of ['display', 'presenter', 'ingest'] as const) {
      const response = await ack(incident.id, signTestToken(role));
      expect(response.statusCode, role).toBe(403);
      expect(response.json()).toMatchObject({ error: 'forbidden', message: expect.stringContaining(role) });
    }
    const anonymous = await server.app.inject({ method: 'POST', url: ackUrl(incident.id), payload: {} });
    expect(anonymous.statusCode).toBe(403);
    expect((await ack(incident.id, streetA)).statusCode).toBe(200);
  });

  it('answers 409 no_active_alarm for an incident on time and not urgent, one resolved, and one already acknowledged', async () => {
    const ordinary = await report('normal');
    const resolved = await report('urgent');
    for (const body of [{ action: 'accept' }, { action: 'resolve', resolution: '已清理' }]) {
      const step = await server.app.inject({ method: 'POST', url: `/api/v1/incidents/${resolved.id}/transitions`, payload: body, headers: server.admin });
      expect(step.statusCode).toBe(200);
    }
    const twice = await report('urgent');
    expect((await ack(twice.id, streetA)).statusCode).toBe(200);
    const cases: [string, RegExp][] = [
      [ordinary.id, /policy does not raise one/],
      [resolved.id, /it is resolved/],
      [twice.id, /already acknowledged/],
    ];
    for (const [id, message] of cases) {
      const response = await ack(id, streetA);
      expect(response.statusCode, id).toBe(409);
      expect(response.json()).toMatchObject({ statusCode: 409, error: 'no_active_alarm', message: expect.stringMatching(message) });
    }
  });

  it('acknowledges an overdue alarm, and an urgent case acknowledged early alarms again once overdue', async () => {
    const incident = await report('urgent');
    expect((await ack(incident.id, streetA)).statusCode).toBe(200);
    clock.set(incident.dueAt + 60_000);
    try {
      const late = await snapshot();
      expect(activeAlarms(late.incidents, late.at, DEFAULT_ALARM_POLICY).find((a) => a.incidentId === incident.id)?.reason).toBe('overdue');
      expect((await ack(incident.id, streetA)).statusCode).toBe(200);
      const quiet = await snapshot();
      expect(activeAlarms(quiet.incidents, quiet.at, DEFAULT_ALARM_POLICY).map((a) => a.incidentId)).not.toContain(incident.id);
    } finally {
      clock.set(Date.now());
    }
  });

  it('answers 404 for an incident that does not exist', async () => {
    const response = await ack('INC-NOPE', signTestToken('operator'));
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'incident_not_found' });
  });

  it('replays a retried tap (same Idempotency-Key) without writing again; another tap is a 409', async () => {
    const incident = await report('urgent');
    const first = await ack(incident.id, streetA, 'tablet-ack-0001');
    const head = await server.services.store.headSeq();
    const retry = await ack(incident.id, streetA, 'tablet-ack-0001');
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await server.services.store.headSeq()).toBe(head);
    expect((await ack(incident.id, streetA, 'tablet-ack-0002')).statusCode).toBe(409);
  });

  it('validates the request: an unknown body field or a bad key is a 400 naming it', async () => {
    const incident = await report('urgent');
    const extra = await ack(incident.id, streetA, undefined, { note: '已到场' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ error: 'validation_failed', message: "body has an unknown field 'note'" });
    const badKey = await ack(incident.id, streetA, 'key with spaces');
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json()).toMatchObject({ error: 'invalid_idempotency_key' });
  });
});

describe('the alarm policy: GET /api/v1/alarm-policy', () => {
  it('serves the default policy to any reader, walls included, but not to a write-only field app', async () => {
    const server = await startTestServer({ listen: false });
    try {
      for (const headers of [{}, bearer(signTestToken('display')), bearer(signTestToken('street', A))]) {
        const response = await server.app.inject({ method: 'GET', url: '/api/v1/alarm-policy', headers });
        expect(response.statusCode).toBe(200);
        expect(response.json()).toEqual(DEFAULT_ALARM_POLICY);
      }
      const ingest = await server.app.inject({ method: 'GET', url: '/api/v1/alarm-policy', headers: bearer(signTestToken('ingest')) });
      expect(ingest.statusCode).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('is configured by the ALARM_* variables, and acknowledgement follows the policy in force', async () => {
    const env = { ALARM_PRIORITIES: 'high', ALARM_CATEGORIES: 'safety,care', ALARM_OVERDUE: 'off', ALARM_QUIET_HOURS: '22:00-07:00', ALARM_VOICE: 'off' };
    const server = await startTestServer({ listen: false, env });
    try {
      const policy = (await server.app.inject({ method: 'GET', url: '/api/v1/alarm-policy' })).json();
      expect(policy).toEqual({ priorities: ['high'], categories: ['safety', 'care'], overdue: false, quietHours: { from: '22:00', to: '07:00' }, voice: false });
      const grid = gridIn(await testCounty(), A);
      const post = async (priority: Priority) =>
        (await server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: server.admin, payload: incidentAt(grid, { priority, category: 'safety' }) })).json() as Incident;
      const [urgent, high] = [await post('urgent'), await post('high')];
      const operator = bearer(signTestToken('operator'));
      expect((await server.app.inject({ method: 'POST', url: ackUrl(urgent.id), payload: {}, headers: operator })).statusCode).toBe(409);
      expect((await server.app.inject({ method: 'POST', url: ackUrl(high.id), payload: {}, headers: operator })).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('refuses to start with a bad ALARM_* value, naming the variable', () => {
    expect(() => loadConfig({ ALARM_QUIET_HOURS: '22:00' })).toThrow(ConfigError);
    expect(() => loadConfig({ ALARM_PRIORITIES: 'critical' })).toThrow(/ALARM_PRIORITIES .*"critical"/);
  });
});
