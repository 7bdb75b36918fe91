import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiFrame } from '../../../shared/contract/socket';
import type { JinlinEvent } from '../../../shared/domain/event';
import { connectSocket, signTestToken, testCounty, waitFor, type TestSocket } from '../helpers/testServer';
import { GANZHE_STREET, gridIn, incidentAt } from '../helpers/fixtures';
import { startCluster, type NodeCluster } from './nodeCluster';

const COUNTY = '350121';
const admin = { authorization: `Bearer ${signTestToken()}` };
const ingest = { 'content-type': 'application/json', authorization: `Bearer ${signTestToken('ingest')}` };

interface Screen {
  socket: TestSocket;
  events: JinlinEvent[];
  kpis: KpiFrame[];
}

const watch = async (url: string, scope: string): Promise<Screen> => {
  const socket = await connectSocket(url, signTestToken());
  const screen: Screen = { socket, events: [], kpis: [] };
  socket.on('events', (batch) => screen.events.push(...batch.events));
  socket.on('kpi', (frame) => frame.scope === scope && screen.kpis.push(frame));
  expect(await socket.emitWithAck('view:subscribe', { scope })).toMatchObject({ ok: true });
  return screen;
};

const withoutAt = (kpis: unknown) => ({ ...(kpis as Record<string, unknown>), at: undefined });

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/v1/incidents`, { method: 'POST', headers: { ...ingest, ...headers }, body: JSON.stringify(body) });

/** As a field app's outbox does: a 503 (store busy, or a conflict with another node) is retried with the same key. */
const postUntilAnswered = async (url: string, body: unknown, key: string): Promise<Response> => {
  for (;;) {
    const response = await post(url, body, { 'idempotency-key': key });
    if (response.status !== 503) return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('three Jinlin nodes on one PostgreSQL log', () => {
  let cluster: NodeCluster;
  beforeAll(async () => {
    cluster = await startCluster(3);
  }, 120_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('shows every screen on every node every event posted to any node, in one order, with the same snapshot and figures', async () => {
    const county = await testCounty();
    const urls = cluster.nodes.map((node) => node.url);
    const screens = await Promise.all(urls.map((url) => watch(url, COUNTY)));
    const streetScreens = await Promise.all(urls.map((url) => watch(url, GANZHE_STREET)));
    const total = 90;
    // Three field apps at once, each on its own node.
    const statuses = await Promise.all(
      urls.map(async (url, node) => {
        const codes: number[] = [];
        for (let i = node; i < total; i += 3) codes.push((await postUntilAnswered(url, incidentAt(gridIn(county, i % 2 ? GANZHE_STREET : COUNTY, i)), `three-${i}`)).status);
        return codes;
      }),
    );
    expect(statuses.flat().filter((code) => code !== 201)).toEqual([]);
    for (const screen of screens) await waitFor(() => screen.events.length >= total, screen.socket, 20_000);
    const order = screens[0]!.events.map((e) => `${e.seq}:${e.id}`);
    expect(screens[0]!.events.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    for (const screen of screens) expect(screen.events.map((e) => `${e.seq}:${e.id}`)).toEqual(order);
    const street = screens[0]!.events.filter((e) => e.regionPath.includes(GANZHE_STREET)).map((e) => e.seq);
    for (const screen of streetScreens) {
      await waitFor(() => screen.events.length >= street.length, screen.socket, 10_000);
      expect(screen.events.map((e) => e.seq)).toEqual(street);
    }

    const snapshots = await Promise.all(urls.map(async (url) => (await (await fetch(`${url}/api/v1/snapshot?scope=${COUNTY}`, { headers: admin })).json()) as Record<string, unknown>));
    // Everything but the moment each node answered.
    const comparable = snapshots.map(({ at: _at, kpis, ...rest }) => ({ ...rest, kpis: withoutAt(kpis) }));
    expect(comparable[0]).toMatchObject({ seq: total });
    for (const snapshot of comparable) expect(snapshot).toEqual(comparable[0]);

    // The last figures each node sent for the county, once it had every event, are the same.
    for (const screen of screens) await waitFor(() => screen.kpis.at(-1)?.kpis.seq === total, screen.socket, 10_000);
    const last = screens.map((screen) => withoutAt(screen.kpis.at(-1)!.kpis));
    for (const kpis of last) expect(kpis).toEqual(last[0]);
    for (const screen of [...screens, ...streetScreens]) screen.socket.disconnect();
  }, 90_000);

  it('writes one event for one Idempotency-Key posted to all three nodes at the same moment', async () => {
    const county = await testCounty();
    const before = (await (await fetch(`${cluster.nodes[0]!.url}/api/v1/health`)).json()) as { headSeq: number };
    const body = incidentAt(gridIn(county, GANZHE_STREET, 7), { description: '同一个请求，三个节点' });
    // Each node answers 201 (first or replayed) or 503 "retry": a client retries a 503 with the same key.
    const answers = await Promise.all(
      cluster.nodes.map(async (node) => {
        const response = await postUntilAnswered(node.url, body, 'one-key-three-nodes');
        return { status: response.status, body: (await response.json()) as { id: string } };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const page = (await (await fetch(`${cluster.nodes[1]!.url}/api/v1/events?after=${before.headSeq}&scope=${COUNTY}&limit=100`, { headers: admin })).json()) as {
      events: JinlinEvent[];
    };
    expect(page.events.filter((e) => e.type === 'incident:reported')).toHaveLength(1);
  }, 60_000);
});
