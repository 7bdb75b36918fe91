import { join } from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bindStores } from '../../../client/realtime/bindStores';
import { DemoCommandError } from '../../../client/demo/demoRequest';
import { useDemoStore } from '../../../client/stores/useDemoStore';
import { useEventFeedStore } from '../../../client/stores/useEventFeedStore';
import { useLiveStore } from '../../../client/stores/useLiveStore';
import { startTestServer, waitFor, type TestServer } from '../../server/helpers/testServer';
import { closeLiveConnections, openLiveConnection } from '../realtime/helpers/openLiveConnection';

const TOUR_FILE = join(import.meta.dirname, '../../e2e/fixtures/shortTour.json');

describe('demo mode over a screen’s live connection to a real server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { TOUR_FILE, TOUR_AUTOPLAY: 'on' } });
  });
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(closeLiveConnections);
  afterAll(async () => {
    await server?.close();
  });

  /** A screen: its own store (as in its own browser tab) fed by its own connection. */
  const screen = (token?: string) => {
    setActivePinia(createPinia());
    const demo = useDemoStore();
    const { connection } = openLiveConnection(server.url, token ? { token } : {});
    bindStores(connection, { live: useLiveStore(), feed: useEventFeedStore(), demo });
    void connection.start();
    return { demo, connection };
  };

  it('hands the tour the server plays to the demo store as soon as the screen connects', async () => {
    const wall = screen();
    await waitFor(() => wall.demo.state !== null);
    expect(wall.demo.state?.sample).toBe(true);
    expect(wall.demo.state?.tour?.stops.map((stop) => stop.id)).toEqual(['county', 'ganzhe', 'sanfu', 'service-circle']);
    expect(wall.demo.currentStop).not.toBeNull();
  });

  it('carries a presenter’s jump, acked, to every screen', async () => {
    const wall = screen();
    const remote = screen(server.token('presenter'));
    await waitFor(() => remote.connection.status.state === 'live' && wall.demo.state !== null);
    expect(wall.demo.currentStop?.id, 'the tour starts at the county').not.toBe('sanfu');
    const ack = await remote.connection.requestDemo({ event: 'tour:command', payload: { action: 'jump', index: 2 } });
    expect(ack.ok).toBe(true);
    await waitFor(() => wall.demo.currentStop?.id === 'sanfu');
    await waitFor(() => remote.demo.currentStop?.id === 'sanfu');
  });

  it('gets a refusal naming the reason for a display screen’s command', async () => {
    const wall = screen(server.token('display'));
    await waitFor(() => wall.connection.status.state === 'live');
    expect(await wall.connection.requestDemo({ event: 'tour:command', payload: { action: 'next' } })).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('refuses to send a command from a connection that was never opened', async () => {
    setActivePinia(createPinia());
    const { connection } = openLiveConnection(server.url);
    await expect(connection.requestDemo({ event: 'tour:command', payload: { action: 'next' } })).rejects.toBeInstanceOf(DemoCommandError);
  });
});
