import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoState } from '../../../shared/contract/demo';
import type { EventsPage } from '../../../shared/contract/snapshot';
import { connectSocket, signTestToken, startTestServer, waitFor, type TestServer, type TestSocket } from '../helpers/testServer';
import { createTestSchema, type TestSchema } from '../store/pgTestSchema';
import { eventually } from './clusterClient';

/** Three stops of 5 s; TOUR_AUTOPLAY off, so the tour moves only on a presenter's command. */
const SHORT_TOUR = join(import.meta.dirname, '..', 'demo', 'fixtures', 'shortTour.json');
const presenter = { authorization: `Bearer ${signTestToken('presenter')}` };
/** 10:00 on a Wednesday in Shanghai: stations are open, as the typhoon plan expects. */
const START = Date.UTC(2025, 5, 11, 2, 0);
const MINUTE_MS = 60_000;

/** Every demo frame a screen gets, newest last. */
const watchDemo = async (node: TestServer) => {
  const socket = await connectSocket(node.url, signTestToken('display'));
  const frames: DemoState[] = [];
  socket.on('demo', (state) => frames.push(state));
  return { socket, frames, last: () => frames.at(-1) };
};

// Three nodes in this process on one schema; the first one started leads the singletons.
describe('demo mode on three nodes of one PostgreSQL log', () => {
  let schema: TestSchema;
  let nodes: [TestServer, TestServer, TestServer];
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    schema = await createTestSchema();
    const env = { STORE: 'postgres', DATABASE_URL: schema.url, TOUR_FILE: SHORT_TOUR, TOUR_AUTOPLAY: 'off', PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0', PRESSURE_MAX_HEAP_BYTES: '0' };
    const leader = await startTestServer({ env });
    nodes = [leader, await startTestServer({ env }), await startTestServer({ env })];
  }, 120_000);
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(nodes.map((node) => node.close()));
    await schema.drop();
  });

  it('elects exactly one leader', () => {
    expect(nodes.map((node) => node.services.leadership?.isLeader())).toEqual([true, false, false]);
  });

  it('carries out a presenter command sent to a follower on the leader, and moves the tour on the screens of every node', async () => {
    const screens = await Promise.all(nodes.map(watchDemo));
    sockets.push(...screens.map((screen) => screen.socket));
    expect(nodes.map((node) => node.services.tour?.state().index)).toEqual([0, 0, 0]);
    const command = (action: string) => nodes[2].app.inject({ method: 'POST', url: '/api/v1/demo/tour', headers: presenter, payload: { action } });
    // Paused: the stop stays on screen until the next command, whatever the machine's load.
    expect((await command('pause')).statusCode).toBe(200);
    const response = await command('next');
    expect(response.statusCode).toBe(200);
    expect(response.json<{ state: DemoState }>().state.tour?.index).toBe(1);
    expect(nodes[0].services.tour?.state().index).toBe(1);
    for (const screen of screens) await waitFor(() => screen.last()?.tour?.index === 1, screen.socket);
    // Followers' own tours follow the leader's commands, so whichever takes over goes on from here.
    await waitFor(() => nodes.every((node) => node.services.tour?.state().index === 1));
    // A follower answers with the leader's state (as it greets a screen that connects now); frames
    // are coalesced, so the leader's newest state may reach it a moment after the command.
    const readOnFollower = async () => (await nodes[1].app.inject({ url: '/api/v1/demo', headers: nodes[1].admin })).json<DemoState>();
    await eventually(async () => (await readOnFollower()).tour?.index === 1, 10_000, 'the leader state on a follower');
    expect(await readOnFollower()).toMatchObject({ tour: { index: 1, mode: 'paused' } });
  });

  it('runs a scenario started through a follower once, on the leader, with its banner on the screens of the other nodes', async () => {
    const [a, b, c] = nodes;
    a.services.clock.set(START, 0);
    a.services.live.rebuildKpis(START);
    const screens = [await watchDemo(a), await watchDemo(c)];
    sockets.push(...screens.map((screen) => screen.socket));
    const started = await b.app.inject({ method: 'POST', url: '/api/v1/demo/scenarios/typhoon', headers: presenter, payload: {} });
    expect(started.statusCode).toBe(200);
    expect(started.json<{ state: DemoState }>().state.scenario).toMatchObject({ id: 'typhoon', startedAt: START, running: true });
    for (const screen of screens) await waitFor(() => screen.last()?.scenario?.id === 'typhoon', screen.socket);
    // Only the leader plays it: the followers' runtimes never started one.
    expect(b.services.demo.scenario()).toBeNull();
    expect(c.services.demo.scenario()).toBeNull();
    a.services.clock.set(START + 11 * MINUTE_MS, 0);
    const hazardsOn = (node: TestServer) => [...node.services.live.entities.incidents.keys()].filter((id) => id.startsWith('INC-TY-')).length;
    await waitFor(() => nodes.every((node) => hazardsOn(node) === 40), undefined, 30_000);
    await a.services.ingest.idle();
    const page = (await c.app.inject({ url: '/api/v1/events?after=0&limit=5000', headers: c.admin })).json<EventsPage>();
    const reported = page.events.flatMap((event) => (event.type === 'incident:reported' && event.payload.incident.id.startsWith('INC-TY-') ? [event.payload.incident.id] : []));
    expect(reported).toHaveLength(40);
    expect(new Set(reported).size).toBe(40);
  }, 60_000);
});
