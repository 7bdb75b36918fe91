import { createPinia, setActivePinia } from 'pinia';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/contract/snapshot';
import { DAY_MS } from '../../../shared/logic/shanghaiTime';
import { bindStores } from '../../../client/realtime/bindStores';
import { useEventFeedStore } from '../../../client/stores/useEventFeedStore';
import { useLiveStore } from '../../../client/stores/useLiveStore';
import { createClock } from '../../../server/clock';
import { startTestServer, waitFor, type TestServer } from '../../server/helpers/testServer';
import { GANZHE_STREET, SHANGJIE_TOWN } from '../../server/helpers/fixtures';
import { createManualTimers } from './helpers/createManualTimers';
import { dropFrames } from './helpers/dropFrames';
import { closeLiveConnections, openLiveConnection } from './helpers/openLiveConnection';
import { reportIncident, transitionIncident } from './helpers/reportIncident';
import { scopeLog } from './helpers/scopeLog';

const byId = <T extends { id: string }>(items: Iterable<T>) => [...items].sort((a, b) => a.id.localeCompare(b.id));

/** A connection bound to fresh stores, as the app wires them. */
const boundScreen = (url: string, options: Parameters<typeof openLiveConnection>[1] = {}) => {
  const { connection, record } = openLiveConnection(url, options);
  const stores = { live: useLiveStore(), feed: useEventFeedStore() };
  const manual = createManualTimers();
  const unbind = bindStores(connection, stores, { timers: manual.timers });
  return { connection, record, ...stores, manual, unbind };
};

describe('live connection bound to the stores', () => {
  let server: TestServer;
  const snapshotOf = async (scope: string) => (await (await fetch(`${server.url}/api/v1/snapshot?scope=${scope}`)).json()) as Snapshot;

  beforeAll(async () => {
    server = await startTestServer({ env: { HEARTBEAT_MS: '250', KPI_FRAME_MS: '100' } });
  });
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(closeLiveConnections);
  afterAll(async () => {
    await server?.close();
  });

  it('keeps the stores where a fresh snapshot is, through live events and a lost frame', async () => {
    let reported = 0;
    const lossy = dropFrames((frame) => frame.event.type === 'incident:reported' && ++reported === 2);
    const { connection, live, feed } = boundScreen(server.url, { scope: GANZHE_STREET, io: lossy.factory });
    await connection.start();
    await waitFor(() => live.connection === 'live');
    const from = live.lastSeq;
    const ids = [];
    for (let n = 0; n < 3; n++) ids.push(await reportIncident(server.url, GANZHE_STREET, n));
    await transitionIncident(server.url, ids[0] as string, { action: 'accept' });
    const log = await scopeLog(server.url, GANZHE_STREET, from);
    expect(log).toHaveLength(4);
    await waitFor(() => live.lastSeq === log.at(-1));
    expect(lossy.dropped).toHaveLength(1);
    const fresh = await snapshotOf(GANZHE_STREET);
    expect(byId(live.entities.incidents.values())).toEqual(byId(fresh.incidents));
    expect(feed.events.map((event) => event.seq)).toEqual([...log].reverse());
    await waitFor(() => live.kpis?.incidents.acceptedToday === fresh.kpis.incidents.acceptedToday);
    expect(live.kpis?.incidents.reportedToday).toBe(fresh.kpis.incidents.reportedToday);
  });

  it('shows the breadcrumb of the scope and empties the event board when the scope changes', async () => {
    const { connection, live, feed } = boundScreen(server.url, { scope: GANZHE_STREET });
    await connection.start();
    await waitFor(() => live.connection === 'live');
    await reportIncident(server.url, GANZHE_STREET);
    await waitFor(() => feed.events.length === 1);
    connection.reload();
    await waitFor(() => live.connection === 'live' && live.entitiesVersion > 2);
    expect(feed.events).toHaveLength(1);
    await connection.setScope(SHANGJIE_TOWN);
    expect(live.breadcrumb.map((region) => region.code)).toEqual(['350121', SHANGJIE_TOWN]);
    expect(feed.events).toEqual([]);
  });

  it('stops updating the stores once unbound', async () => {
    const { connection, live, feed, unbind } = boundScreen(server.url, { scope: GANZHE_STREET });
    await connection.start();
    await waitFor(() => live.connection === 'live');
    unbind();
    await reportIncident(server.url, GANZHE_STREET);
    await waitFor(() => connection.status.lastSeq > live.lastSeq);
    expect(feed.events).toEqual([]);
  });
});

describe('pruning a wall that runs for weeks', () => {
  const clock = createClock({ startAt: Date.now() - 10 * DAY_MS });
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ clock, env: { HEARTBEAT_MS: '100' } });
  });
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(closeLiveConnections);
  afterAll(async () => {
    await server?.close();
  });

  it("forgets incidents resolved longer ago than the retention, by the server's clock, and keeps open ones", async () => {
    const open = await reportIncident(server.url, GANZHE_STREET, 0);
    const done = await reportIncident(server.url, GANZHE_STREET, 1);
    await transitionIncident(server.url, done, { action: 'accept' });
    await transitionIncident(server.url, done, { action: 'resolve', resolution: '已修复' });
    const { connection, live, manual } = boundScreen(server.url, { scope: GANZHE_STREET });
    await connection.start();
    expect(live.entities.incidents.has(done)).toBe(true);
    manual.tick();
    expect(live.entities.incidents.has(done)).toBe(true);
    clock.set(Date.now());
    await waitFor(() => (live.serverTime ?? 0) > Date.now() - DAY_MS);
    manual.tick();
    expect(live.entities.incidents.has(done)).toBe(false);
    expect(live.entities.incidents.has(open)).toBe(true);
  });
});
