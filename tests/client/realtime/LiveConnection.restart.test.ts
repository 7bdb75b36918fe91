import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, waitFor, type TestServer } from '../../server/helpers/testServer';
import { GANZHE_STREET } from '../../server/helpers/fixtures';
import { closeLiveConnections, openLiveConnection } from './helpers/openLiveConnection';
import { reportIncident } from './helpers/reportIncident';
import { scopeLog } from './helpers/scopeLog';
import { portOf, startTcpRelay } from './helpers/startTcpRelay';

describe('a live connection across a server restart on the same data dir', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-live-restart-'));
  const servers: TestServer[] = [];
  let closeRelay: () => Promise<void> = async () => undefined;

  afterAll(async () => {
    closeLiveConnections();
    await closeRelay();
    for (const server of servers) await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('goes offline, comes back by itself, and applies every event exactly once, in order', async () => {
    const first = await startTestServer({ dataDir, env: { HEARTBEAT_MS: '250' } });
    servers.push(first);
    const relay = await startTcpRelay(portOf(first.url));
    closeRelay = relay.close;
    const { connection, record } = openLiveConnection(relay.url, { scope: GANZHE_STREET });
    await connection.start();
    await waitFor(() => connection.status.state === 'live');
    const from = connection.status.lastSeq;
    for (let n = 0; n < 2; n++) await reportIncident(first.url, GANZHE_STREET, n);
    await waitFor(() => record.seqs.length === 2);

    // What a graceful shutdown should do first: say goodbye to every socket. app.close() alone
    // waits on open sockets before its onClose hook closes them (a server-side shutdown bug).
    await first.services.realtime.close();
    await first.close();
    await waitFor(() => connection.status.state === 'offline');

    // Written while the screen is cut off: only the store's log can give them back.
    const second = await startTestServer({ dataDir, env: { HEARTBEAT_MS: '250' } });
    servers.push(second);
    for (let n = 2; n < 5; n++) await reportIncident(second.url, GANZHE_STREET, n);
    relay.retarget(portOf(second.url));
    await waitFor(() => record.seqs.length === 5);
    await waitFor(() => connection.status.state === 'live');
    await reportIncident(second.url, GANZHE_STREET, 5);

    const log = await scopeLog(second.url, GANZHE_STREET, from);
    await waitFor(() => record.seqs.length === log.length);
    expect(log).toHaveLength(6);
    expect(record.seqs).toEqual(log);
    expect(record.snapshots).toHaveLength(1);
  });

  it('reloads its snapshot when the server comes back with another log (a reset data dir)', async () => {
    const old = await startTestServer({ env: { HEARTBEAT_MS: '250' } });
    servers.push(old);
    const relay = await startTcpRelay(portOf(old.url));
    const previousClose = closeRelay;
    closeRelay = async () => {
      await previousClose();
      await relay.close();
    };
    const { connection, record } = openLiveConnection(relay.url, { scope: GANZHE_STREET });
    await connection.start();
    for (let n = 0; n < 3; n++) await reportIncident(old.url, GANZHE_STREET, n);
    await waitFor(() => record.seqs.length === 3);
    await old.services.realtime.close();
    await old.close();

    const fresh = await startTestServer({ env: { HEARTBEAT_MS: '250' } });
    servers.push(fresh);
    relay.retarget(portOf(fresh.url));
    await waitFor(() => record.snapshots.length === 2 && connection.status.state === 'live');
    expect(connection.status.lastSeq).toBe(0);
    await reportIncident(fresh.url, GANZHE_STREET);
    await waitFor(() => connection.status.lastSeq === 1);
    expect(record.seqs.slice(3)).toEqual([1]);
  });
});
