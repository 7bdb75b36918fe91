import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, waitFor, type TestServer } from '../../server/helpers/testServer';
import { GANZHE_STREET } from '../../server/helpers/fixtures';
import { createFakeClock } from './helpers/createFakeClock';
import { createManualTimers } from './helpers/createManualTimers';
import { closeLiveConnections, openLiveConnection } from './helpers/openLiveConnection';
import { reportIncident } from './helpers/reportIncident';

const HEARTBEAT_MS = 100;
const HOUR_MS = 3_600_000;

describe('freshness of a live connection, judged on the monotonic clock', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { HEARTBEAT_MS: String(HEARTBEAT_MS) } });
  });
  afterEach(() => {
    server.services.realtime.pauseHeartbeat(false);
    closeLiveConnections();
  });
  afterAll(async () => {
    await server?.close();
  });

  /**
   * A live screen on fake clocks whose heartbeats have stopped. An event sent after the pause
   * proves no heartbeat is still on its way (the socket delivers in order), so from here on only
   * the test moves time.
   */
  const silencedScreen = async () => {
    const clock = createFakeClock();
    const manual = createManualTimers();
    const { connection, record } = openLiveConnection(server.url, {
      scope: GANZHE_STREET,
      monotonicNow: clock.monotonicNow,
      wallNow: clock.wallNow,
      timers: manual.timers,
    });
    await connection.start();
    await waitFor(() => connection.status.state === 'live' && connection.status.serverTime !== null);
    server.services.realtime.pauseHeartbeat(true);
    const seen = record.seqs.length;
    await reportIncident(server.url, GANZHE_STREET);
    await waitFor(() => record.seqs.length > seen && connection.status.state === 'live');
    return { clock, manual, connection, record, heardAtWall: clock.wallNow() };
  };

  it('turns stale after two heartbeat intervals of silence, with the time data was last current', async () => {
    const { clock, manual, connection, record, heardAtWall } = await silencedScreen();
    clock.advance(2 * HEARTBEAT_MS - 10);
    manual.tick();
    expect(connection.status).toMatchObject({ state: 'live', staleSince: null });
    clock.advance(20);
    manual.tick();
    expect(connection.status).toMatchObject({ state: 'stale', staleSince: heardAtWall, dataAgeMs: 2 * HEARTBEAT_MS + 10 });
    expect(record.statuses.at(-1)?.state).toBe('stale');
  });

  it('clears the stale state on the next heartbeat', async () => {
    const { clock, manual, connection } = await silencedScreen();
    clock.advance(10 * HEARTBEAT_MS);
    manual.tick();
    expect(connection.status.state).toBe('stale');
    server.services.realtime.pauseHeartbeat(false);
    await waitFor(() => connection.status.state === 'live');
    expect(connection.status.staleSince).toBeNull();
  });

  it('does not turn stale when the wall clock jumps a day ahead', async () => {
    const { clock, manual, connection } = await silencedScreen();
    clock.jumpWall(24 * HOUR_MS);
    clock.advance(HEARTBEAT_MS);
    manual.tick();
    expect(connection.status).toMatchObject({ state: 'live', staleSince: null, dataAgeMs: HEARTBEAT_MS });
  });

  it('does not hide staleness when the wall clock jumps back', async () => {
    const { clock, manual, connection, heardAtWall } = await silencedScreen();
    clock.jumpWall(-HOUR_MS);
    clock.advance(3 * HEARTBEAT_MS);
    manual.tick();
    expect(connection.status).toMatchObject({ state: 'stale', staleSince: heardAtWall });
  });

  it('reports the age of its data on every watchdog tick', async () => {
    const { clock, manual, record } = await silencedScreen();
    const before = record.statuses.length;
    clock.advance(40);
    manual.tick();
    clock.advance(40);
    manual.tick();
    expect(record.statuses.slice(before).map((s) => s.dataAgeMs)).toEqual([40, 80]);
  });
});
