import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventsPage, Snapshot } from '../../../shared/contract/snapshot';
import type { ReloadNotice, SubscribeAck } from '../../../shared/contract/socket';
import { demoMorningAt } from '../../../server/demo/demoMorning';
import { HOUR_MS } from '../../../shared/logic/shanghaiTime';
import { gridIn, incidentAt } from '../helpers/fixtures';
import { connectSocket, startTestServer, waitFor, type TestServer } from '../helpers/testServer';

const COUNTY = '350121';

describe('reset to morning, with the simulator replaying the warm-up hour', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { SIMULATOR: 'on', SIM_WARMUP_HOURS: '1', DEMO_MORNING: '08:30' } });
  });
  afterAll(async () => {
    await server.close();
  });

  /** The county's figures and the head of the log right after a reset, read through the API. */
  const resetAndRead = async () => {
    const result = await server.services.demo.reset();
    // The clock runs on from the morning; stop it there so both pictures are read at the same instant.
    server.services.clock.set(result.clockAt, 0);
    const snapshot = (await server.app.inject({ url: `/api/v1/snapshot?scope=${COUNTY}`, headers: server.admin })).json<Snapshot>();
    const page = (await server.app.inject({ url: '/api/v1/events?after=0&limit=100', headers: server.admin })).json<EventsPage>();
    return { result, snapshot, page };
  };

  it('gives the same county figures and the same first 100 events, ids and stamps included, twice in a row', async () => {
    const first = await resetAndRead();
    const second = await resetAndRead();

    const morning = demoMorningAt(Date.now(), '08:30');
    expect(first.result.clockAt).toBe(morning);
    expect(second.result.clockAt).toBe(morning);
    expect(second.result.epoch).not.toBe(first.result.epoch);
    expect(second.result.headSeq).toBe(first.result.headSeq);

    expect(first.page.events).toHaveLength(100);
    expect(first.page.events[0]!.seq).toBe(1);
    expect(first.page.events[0]!.at).toBeGreaterThanOrEqual(morning - HOUR_MS);
    expect(second.page.events).toEqual(first.page.events);
    expect(second.page.epoch).toBe(second.result.epoch);

    expect(first.snapshot.kpis.incidents.reportedToday).toBeGreaterThan(0);
    expect(first.snapshot.kpis.at).toBe(morning);
    expect(second.snapshot.kpis).toEqual(first.snapshot.kpis);
    expect(second.snapshot.seq).toBe(first.snapshot.seq);
    expect(second.snapshot.epoch).toBe(second.result.epoch);
  });

  it('tells a subscribed screen to reload, after sending it nothing of the new log', async () => {
    const socket = await connectSocket(server.url, server.token('display'));
    const heard: ({ kind: 'events'; ids: string[] } | { kind: 'reload'; notice: ReloadNotice })[] = [];
    socket.on('events', (batch) => heard.push({ kind: 'events', ids: batch.events.map((e) => e.id) }));
    socket.on('reload', (notice) => heard.push({ kind: 'reload', notice }));
    const ack = (await socket.emitWithAck('view:subscribe', { scope: COUNTY, afterSeq: server.services.live.headSeq })) as SubscribeAck;
    expect(ack).toMatchObject({ ok: true, epoch: server.services.store.epoch() });

    const result = await server.services.demo.reset();
    const reloadAt = await waitForIndex(() => heard.findIndex((h) => h.kind === 'reload'), socket);
    expect(heard[reloadAt]).toEqual({ kind: 'reload', notice: { reason: 'reset', headSeq: result.headSeq } });
    const replayedIds = new Set((await server.services.store.readEvents({ afterSeq: 0, limit: result.headSeq })).map((e) => e.id));
    const beforeReload = heard.slice(0, reloadAt).flatMap((h) => (h.kind === 'events' ? h.ids : []));
    expect(beforeReload.filter((id) => replayedIds.has(id))).toEqual([]);
    socket.disconnect();
  });

  it('answers reload, not a replay, to a screen resubscribing with the epoch it had before the reset', async () => {
    const before = server.services.store.epoch();
    await server.services.demo.reset();
    const socket = await connectSocket(server.url, server.token('display'));
    const reloads: ReloadNotice[] = [];
    let frames = 0;
    socket.on('reload', (notice) => reloads.push(notice));
    socket.on('events', () => frames++);
    const ack = (await socket.emitWithAck('view:subscribe', { scope: COUNTY, afterSeq: 10, epoch: before })) as SubscribeAck;
    expect(ack).toMatchObject({ ok: true, replayed: 0, epoch: server.services.store.epoch() });
    expect(reloads).toEqual([{ reason: 'reset', headSeq: expect.any(Number) }]);

    // With the current epoch the same request replays as usual.
    const current = (await socket.emitWithAck('view:subscribe', { scope: COUNTY, afterSeq: 10, epoch: ack.ok ? ack.epoch : '' })) as SubscribeAck;
    expect(current).toMatchObject({ ok: true, replayed: expect.any(Number) });
    expect(current.ok && current.replayed).toBeGreaterThan(0);
    expect(reloads).toHaveLength(1);
    await waitFor(() => frames > 0, socket);
    socket.disconnect();
  });

  it('turns field writes away with 503 and Retry-After while it runs, and says it is resetting', async () => {
    const { demo } = server.services;
    const changes: boolean[] = [];
    const unsubscribe = demo.onChange(() => changes.push(demo.resetting()));
    const running = demo.reset();
    expect(demo.resetting()).toBe(true);
    expect(demo.reset()).toBe(running);
    const grid = gridIn(server.services.county, '350121001');
    const refused = await server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: server.admin, payload: incidentAt(grid) });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json()).toMatchObject({ statusCode: 503, error: 'store_unavailable', message: expect.stringContaining('reset') });
    await running;
    unsubscribe();
    expect(demo.resetting()).toBe(false);
    expect(changes[0]).toBe(true);
    expect(changes.at(-1)).toBe(false);
    const accepted = await server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: server.admin, payload: incidentAt(grid) });
    expect(accepted.statusCode).toBe(201);
  });

  it('answers a presenter reset over HTTP with the new clock, head and epoch', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/demo/reset',
      headers: { authorization: `Bearer ${server.token('presenter')}` },
      payload: {},
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ reset: { clockAt: number; headSeq: number; epoch: string } }>();
    expect(body.reset).toEqual({ clockAt: demoMorningAt(Date.now(), '08:30'), headSeq: server.services.live.headSeq, epoch: server.services.store.epoch() });
  });
});

/** Waits until `index()` finds something, and returns where. */
const waitForIndex = async (index: () => number, socket: Parameters<typeof waitFor>[1]): Promise<number> => {
  await waitFor(() => index() >= 0, socket);
  return index();
};
