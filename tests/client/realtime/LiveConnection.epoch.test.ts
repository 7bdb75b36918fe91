import { createServer, type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/contract/snapshot';
import type { JinlinEvent } from '../../../shared/domain/event';
import { createSocket, type LiveSocket, type SocketFactory } from '../../../client/realtime/createSocket';
import { LogFollower } from '../../../client/realtime/LogFollower';
import { startTestServer, waitFor, type TestServer } from '../../server/helpers/testServer';
import { GANZHE_STREET } from '../../server/helpers/fixtures';
import { closeLiveConnections, openLiveConnection } from './helpers/openLiveConnection';
import { reportIncident } from './helpers/reportIncident';
import { portOf, startTcpRelay } from './helpers/startTcpRelay';

/** The real socket factory, except that `reload` notices never reach the connection: one lost in transit. */
const deafToReload: SocketFactory = (url, options) => {
  const socket = createSocket(url, options);
  const on = socket.on.bind(socket) as (name: string, listener: (...args: unknown[]) => void) => LiveSocket;
  socket.on = ((name: string, listener: (...args: unknown[]) => void) =>
    name === 'reload' ? socket : on(name, listener)) as LiveSocket['on'];
  return socket;
};

/** A port nothing listens on: a relay pointed there is a cable pulled out. */
const deadPort = async (): Promise<number> => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
};

describe('a live connection and the log epoch (reset to morning)', () => {
  let server: TestServer;
  let closeRelay: () => Promise<void> = async () => undefined;

  beforeEach(async () => {
    server = await startTestServer({ env: { HEARTBEAT_MS: '250' } });
  });
  afterEach(async () => {
    closeLiveConnections();
    await closeRelay();
    closeRelay = async () => undefined;
    await server.close();
  });
  afterAll(closeLiveConnections);

  const report = async (count: number) => {
    for (let n = 0; n < count; n++) await reportIncident(server.url, GANZHE_STREET, n);
  };

  it('reloads its snapshot when the log is reset while it watches, then follows the new log', async () => {
    const { connection, record } = openLiveConnection(server.url, { scope: GANZHE_STREET });
    await connection.start();
    await waitFor(() => connection.status.state === 'live');
    await report(3);
    await waitFor(() => record.seqs.length === 3);

    const { epoch } = await server.services.demo.reset();
    await waitFor(() => record.snapshots.length === 2 && connection.status.state === 'live');
    expect(record.snapshots.map((s) => s.epoch)).toEqual([expect.not.stringMatching(epoch), epoch]);
    expect(record.snapshots[1]!.seq).toBe(0);
    await report(2);
    await waitFor(() => connection.status.lastSeq === 2);
    expect(record.seqs).toEqual([1, 2, 3, 1, 2]);
  });

  it('does not graft the new log onto its picture after sleeping through a reset: resubscribing with its epoch, it reloads', async () => {
    const relay = await startTcpRelay(portOf(server.url));
    closeRelay = relay.close;
    const { connection, record } = openLiveConnection(relay.url, { scope: GANZHE_STREET });
    await connection.start();
    await waitFor(() => connection.status.state === 'live');
    await report(3);
    await waitFor(() => record.seqs.length === 3);

    // Asleep: every reconnection attempt hits a dead port while the county is reset and moves on.
    relay.retarget(await deadPort());
    server.services.realtime.io.disconnectSockets(true);
    await waitFor(() => connection.status.state === 'offline');
    const { epoch } = await server.services.demo.reset();
    await report(5);

    relay.retarget(portOf(server.url));
    await waitFor(() => record.snapshots.length === 2 && connection.status.state === 'live');
    // Seqs 4 and 5 of the new log would have chained onto the old 3: none of them was applied.
    expect(record.seqs).toEqual([1, 2, 3]);
    expect(record.snapshots[1]).toMatchObject({ epoch, seq: 5 });
    expect(connection.status.lastSeq).toBe(5);
  });

  it('reloads at the next heartbeat when it missed the reset notice, even after new frames chained on', async () => {
    const { connection, record } = openLiveConnection(server.url, { scope: GANZHE_STREET, io: deafToReload });
    await connection.start();
    await waitFor(() => connection.status.state === 'live');
    await report(3);
    await waitFor(() => record.seqs.length === 3);

    const { epoch } = await server.services.demo.reset();
    await report(5);
    await waitFor(() => record.snapshots.length === 2);
    expect(record.snapshots[1]!.epoch).toBe(epoch);
    await waitFor(() => connection.status.state === 'live' && connection.status.lastSeq === 5);
  });

  it('a catch-up that meets another epoch reloads the snapshot instead of applying those events', async () => {
    await report(3);
    const snapshots: Snapshot[] = [];
    const applied: JinlinEvent[] = [];
    const failures: unknown[] = [];
    const follower = new LogFollower(GANZHE_STREET, { fetch: (url, init) => fetch(url, init), baseUrl: server.url, pageLimit: 100, token: () => undefined, requestTimeoutMs: 5000 }, {
      snapshot: (snapshot) => snapshots.push(snapshot),
      events: (events) => applied.push(...events),
      caughtUp: () => undefined,
      failed: (error) => failures.push(error),
    });
    await follower.run();
    expect(follower.logEpoch).toBe(server.services.store.epoch());
    expect(follower.lastSeq).toBe(3);

    const { epoch } = await server.services.demo.reset();
    await report(5);
    follower.requestCatchUp();
    await follower.run();
    expect(failures).toEqual([]);
    expect(applied).toEqual([]);
    expect(snapshots.map((s) => [s.epoch, s.seq])).toEqual([
      [expect.not.stringMatching(epoch), 3],
      [epoch, 5],
    ]);
    expect(follower.logEpoch).toBe(epoch);
    follower.close();
  });
});
