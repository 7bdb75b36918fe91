import { io as connect } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ALARM_NOTICES, type AlarmFrame } from '../../shared/contract/alarms';
import type { Incident, Priority } from '../../shared/domain/incident';
import type { Role } from '../../shared/logic/access';
import { createClock, type Clock } from '../../server/clock';
import { signTestToken, startTestServer, testCounty, waitFor, type TestServer, type TestSocket } from './helpers/testServer';
import { GANZHE_STREET as A, SHANGJIE_TOWN as B, gridIn, incidentAt } from './helpers/fixtures';

const HOUR_MS = 3_600_000;
const REPORTER = { name: '林晓岚', phone: '13905911234' };

/** A socket that records every `alarms` frame from its very first, the one sent on connect. */
interface Watcher {
  socket: TestSocket;
  frames: AlarmFrame[];
  /** Ids in the newest frame, newest alarm first. */
  ids(): string[];
}

describe('the county-wide alarm feed (socket event `alarms`)', () => {
  let server: TestServer;
  let n = 0;
  const open: Watcher[] = [];

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(() => {
    for (const watcher of open.splice(0)) watcher.socket.disconnect();
  });
  afterAll(() => server?.close());

  const watch = (token?: string): Promise<Watcher> =>
    new Promise((resolve, reject) => {
      const socket: TestSocket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, autoConnect: false, auth: token ? { token } : {} });
      const frames: AlarmFrame[] = [];
      socket.on('alarms', (frame) => frames.push(frame));
      const watcher: Watcher = { socket, frames, ids: () => frames.at(-1)?.alarms.map((a) => a.incidentId) ?? [] };
      open.push(watcher);
      socket.once('connect', () => resolve(watcher));
      socket.once('connect_error', reject);
      socket.connect();
    });

  const tokenOf = (role: Role, scope = '350121') => signTestToken(role, scope);

  const report = async (street: string, priority: Priority = 'urgent', description = '地下车库电动车充电起火冒烟'): Promise<Incident> => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: server.admin,
      payload: incidentAt(gridIn(await testCounty(), street, n++), { priority, category: 'safety', description, reporter: REPORTER }),
    });
    expect(response.statusCode).toBe(201);
    return response.json() as Incident;
  };

  const acknowledge = async (id: string) => {
    const response = await server.app.inject({ method: 'POST', url: `/api/v1/incidents/${id}/alarm-ack`, payload: {}, headers: { authorization: `Bearer ${tokenOf('operator')}` } });
    expect(response.statusCode).toBe(200);
  };

  it('sends each screen its complete list on connect, after authentication', async () => {
    const earlier = await report(A);
    const wall = await watch(tokenOf('display'));
    await waitFor(() => wall.frames.length > 0, wall.socket);
    expect(wall.ids()).toContain(earlier.id);
    expect(wall.frames[0]).toMatchObject({ epoch: server.services.store.epoch() });
  });

  it('names only the newest alarms in a surge, with the count of all, in at most two frames a second', async () => {
    const wall = await watch(tokenOf('display'));
    await waitFor(() => wall.frames.length > 0, wall.socket);
    const before = wall.frames.at(-1)!.total;
    const framesBefore = wall.frames.length;
    const startedMs = Date.now();
    const surge: Incident[] = [];
    for (let i = 0; i < MAX_ALARM_NOTICES + 5; i++) surge.push(await report(i % 2 === 0 ? A : B));
    await waitFor(() => wall.frames.at(-1)!.total === before + surge.length, wall.socket);
    const last = wall.frames.at(-1)!;
    expect(last.alarms).toHaveLength(MAX_ALARM_NOTICES);
    expect(last.alarms[0]!.incidentId).toBe(surge.at(-1)!.id);
    const elapsedS = (Date.now() - startedMs) / 1000;
    expect(wall.frames.length - framesBefore).toBeLessThanOrEqual(Math.ceil(elapsedS * 2) + 1);
  });

  it('sends a display wall subscribed to one community the alarm of an urgent incident in another street', async () => {
    const county = await testCounty();
    const community = county.regions().find((r) => r.level === 'community' && r.code.startsWith(A));
    const wall = await watch(tokenOf('display'));
    expect(await wall.socket.emitWithAck('view:subscribe', { scope: community!.code })).toMatchObject({ ok: true });
    const elsewhere = await report(B);
    await waitFor(() => wall.ids().includes(elsewhere.id), wall.socket);
    const notice = wall.frames.at(-1)!.alarms.find((a) => a.incidentId === elsewhere.id);
    expect(notice).toMatchObject({ reason: 'urgent', since: elsewhere.reportedAt, category: 'safety', priority: 'urgent', status: 'reported', gridCode: elsewhere.gridCode, location: elsewhere.location, regionPath: elsewhere.regionPath });
    expect(notice!.regionNames).toEqual(elsewhere.regionPath.map((code) => county.get(code)!.name));
    // Newest first: the incident just reported heads the list.
    expect(wall.ids()[0]).toBe(elsewhere.id);
  });

  it('sends a street leader’s socket only its own street’s alarms', async () => {
    const leader = await watch(tokenOf('street', A));
    const theirs = await report(B);
    const own = await report(A);
    await waitFor(() => leader.ids().includes(own.id), leader.socket);
    expect(leader.frames.flatMap((f) => f.alarms).every((a) => a.regionPath[1] === A)).toBe(true);
    expect(leader.frames.flatMap((f) => f.alarms.map((a) => a.incidentId))).not.toContain(theirs.id);
  });

  it('removes an acknowledged alarm from the next frame of every screen, public and full', async () => {
    const screens = await Promise.all([watch(tokenOf('display')), watch(), watch(tokenOf('street', A)), watch(tokenOf('operator'))]);
    const incident = await report(A);
    await waitFor(() => screens.every((s) => s.ids().includes(incident.id)));
    const before = screens.map((s) => s.frames.length);
    await acknowledge(incident.id);
    await waitFor(() => screens.every((s, i) => s.frames.length > (before[i] ?? 0)));
    for (const screen of screens) expect(screen.frames.at(-1)!.alarms.map((a) => a.incidentId)).not.toContain(incident.id);
  });

  it('groups repeat alarms of one place and category: each notice names its group’s newest alarm and the group’s size', async () => {
    const wall = await watch(tokenOf('display'));
    const grid = gridIn(await testCounty(), B, 1000 + n++);
    // Categories no other test here reports, so no earlier alarm of the same place joins the group.
    const post = async (category: 'dispute' | 'disorder') => {
      const body = incidentAt(grid, { priority: 'urgent', category, description: '楼道冒烟', reporter: REPORTER });
      const response = await server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: server.admin, payload: body });
      return response.json() as Incident;
    };
    const first = await post('dispute');
    const other = await post('disorder');
    const repeat = await post('dispute');
    await waitFor(() => wall.ids().includes(repeat.id), wall.socket);
    const byId = new Map(wall.frames.at(-1)!.alarms.map((a) => [a.incidentId, a]));
    expect(byId.get(repeat.id)).toMatchObject({ group: repeat.id, count: 2 });
    expect(byId.get(first.id)).toMatchObject({ group: repeat.id, count: 2 });
    expect(byId.get(other.id)).toMatchObject({ group: other.id, count: 1 });

    // Its newest acknowledged, the repeat's group is led by the one left, alone.
    await acknowledge(repeat.id);
    await waitFor(() => !wall.ids().includes(repeat.id), wall.socket);
    expect(wall.frames.at(-1)!.alarms.find((a) => a.incidentId === first.id)).toMatchObject({ group: first.id, count: 1 });
  });

  it('never puts the reporter in a frame, and scrubs their name and phone from the text public screens get', async () => {
    const screens = await Promise.all([watch(tokenOf('display')), watch(tokenOf('presenter')), watch()]);
    const operator = await watch(tokenOf('operator'));
    const incident = await report(A, 'urgent', `${REPORTER.name}反映楼道电动车起火，电话${REPORTER.phone}`);
    await waitFor(() => [...screens, operator].every((s) => s.ids().includes(incident.id)));
    for (const screen of screens) {
      const json = JSON.stringify(screen.frames);
      expect(json).not.toContain('晓岚');
      expect(json).not.toContain(REPORTER.phone);
      expect(json).not.toContain('reporter');
    }
    const full = operator.frames.at(-1)!.alarms.find((a) => a.incidentId === incident.id)!;
    expect(full.description).toContain(REPORTER.name);
    expect(JSON.stringify(operator.frames)).not.toContain('reporter');
  });

  it('sends nothing to a field app’s ingest token, which may not read', async () => {
    const field = await watch(tokenOf('ingest'));
    const wall = await watch(tokenOf('display'));
    const incident = await report(A);
    await waitFor(() => wall.ids().includes(incident.id), wall.socket);
    // One socket, in order: an ack answered after the frames were sent proves none were sent.
    await field.socket.emitWithAck('view:subscribe', { scope: A });
    expect(field.frames).toEqual([]);
  });

  it('sends no frame when nothing changed, however often the clock ticks', async () => {
    const wall = await watch(tokenOf('display'));
    await waitFor(() => wall.frames.length === 1, wall.socket);
    for (let i = 0; i < 5; i++) server.services.alarmFeed.tick();
    await wall.socket.emitWithAck('view:subscribe', { scope: '350121' });
    expect(wall.frames).toHaveLength(1);
  });
});

describe('overdue alarms come with time alone', () => {
  let server: TestServer;
  let clock: Clock;

  beforeAll(async () => {
    clock = createClock();
    server = await startTestServer({ clock });
  });
  afterAll(() => server?.close());

  it('announces an ordinary incident once its deadline passes, without any event, on the one-second tick', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: server.admin,
      payload: incidentAt(gridIn(await testCounty(), A, 0), { priority: 'normal', category: 'facility' }),
    });
    const incident = response.json() as Incident;
    const frames: AlarmFrame[] = [];
    const socket: TestSocket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, autoConnect: false, auth: { token: signTestToken('display') } });
    socket.on('alarms', (frame) => frames.push(frame));
    socket.connect();
    await waitFor(() => frames.length === 1, socket);
    expect(frames[0]!.alarms).toEqual([]);
    const head = await server.services.store.headSeq();

    clock.set(incident.dueAt + HOUR_MS);
    await waitFor(() => frames.length === 2, socket, 5_000);
    expect(frames[1]!.alarms.map((a) => [a.incidentId, a.reason, a.since])).toEqual([[incident.id, 'overdue', incident.dueAt]]);
    expect(await server.services.store.headSeq()).toBe(head);
    socket.disconnect();
  });
});

describe('the alarm feed across a reset to morning', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('sends nothing while the log is rewritten, then the morning’s list under the new epoch', async () => {
    const before = server.services.store.epoch();
    const frames: AlarmFrame[] = [];
    const socket: TestSocket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, autoConnect: false, auth: { token: signTestToken('display') } });
    socket.on('alarms', (frame) => frames.push(frame));
    socket.connect();
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: server.admin,
      payload: incidentAt(gridIn(await testCounty(), A, 1), { priority: 'urgent', category: 'safety' }),
    });
    const incident = response.json() as Incident;
    await waitFor(() => frames.at(-1)?.alarms.some((a) => a.incidentId === incident.id) ?? false, socket);
    const seen = frames.length;

    const { epoch } = await server.services.demo.reset();
    expect(epoch).not.toBe(before);
    await waitFor(() => frames.at(-1)?.epoch === epoch, socket);
    // The wiped county (no simulator here) has no alarm, and nothing of the old log went out after the reset began.
    expect(frames.slice(seen).map((f) => [f.epoch, f.alarms.length])).toEqual([[epoch, 0]]);
    socket.disconnect();
  });
});
