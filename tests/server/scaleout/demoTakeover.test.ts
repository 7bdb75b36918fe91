import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoState } from '../../../shared/contract/demo';
import { killHard } from '../helpers/childServer';
import { connectSocket, signTestToken, waitFor, type TestSocket } from '../helpers/testServer';
import { eventually } from './clusterClient';
import { startCluster, type NodeCluster } from './nodeCluster';

const SHORT_TOUR = join(import.meta.dirname, '..', 'demo', 'fixtures', 'shortTour.json');
const presenter = { authorization: `Bearer ${signTestToken('presenter')}`, 'content-type': 'application/json' };
const post = (url: string, path: string, body: unknown) => fetch(`${url}${path}`, { method: 'POST', headers: presenter, body: JSON.stringify(body) });

// Real processes: the leader is killed with -9, the way a node dies, and another one must take over.
describe('the demo singletons when the leading node is killed', () => {
  let cluster: NodeCluster;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    // The first node starts alone, so it is the one that leads.
    cluster = await startCluster(1, { TOUR_FILE: SHORT_TOUR, TOUR_AUTOPLAY: 'off' });
    await Promise.all([cluster.start(), cluster.start()]);
  }, 170_000);
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await cluster?.close();
  });

  it('another node takes over the tour and the scenarios within seconds, from the stop the tour was at', async () => {
    const [leader, b, c] = cluster.nodes as [NonNullable<(typeof cluster.nodes)[0]>, NonNullable<(typeof cluster.nodes)[0]>, NonNullable<(typeof cluster.nodes)[0]>];
    // Paused, so the stop changes only on commands, however long the takeover takes.
    expect((await post(b.url, '/api/v1/demo/tour', { action: 'pause' })).status).toBe(200);
    const moved = await post(b.url, '/api/v1/demo/tour', { action: 'next' });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { state: DemoState }).state.tour?.index).toBe(1);
    await killHard(leader.process);

    const screen = await connectSocket(c.url, signTestToken('display'));
    sockets.push(screen);
    const frames: DemoState[] = [];
    screen.on('demo', (state) => frames.push(state));
    // Until a follower holds the lock, commands answer 503 no_leader; then the new leader carries them out.
    let next: DemoState | undefined;
    await eventually(async () => {
      const response = await post(b.url, '/api/v1/demo/tour', { action: 'next' });
      if (response.status !== 200) {
        expect(response.status).toBe(503);
        return false;
      }
      next = ((await response.json()) as { state: DemoState }).state;
      return true;
    }, 20_000, 'a new leader');
    // It went on from stop 1 (the followers' tours had followed the old leader's commands).
    expect(next?.tour?.index).toBe(2);
    await waitFor(() => frames.at(-1)?.tour?.index === 2, screen, 10_000);

    const started = await post(c.url, '/api/v1/demo/scenarios/homeDay', {});
    expect(started.status).toBe(200);
    await waitFor(() => frames.at(-1)?.scenario?.id === 'homeDay', screen, 10_000);
  }, 90_000);
});
