import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventBatch } from '../../../shared/contract/socket';
import { killHard, startChildServer, type ChildServer } from '../helpers/childServer';
import { GANZHE_STREET, gridIn, incidentAt } from '../helpers/fixtures';
import { TEST_AUTH_SECRET, signTestToken, testCounty } from '../helpers/testServer';
import { freePort, seedDataDir, signalAndTime } from './shutdownServer';

describe('a graceful restart under a standard socket.io client', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-reconnect-'));
  let server: ChildServer | undefined;
  let client: Socket | undefined;
  afterAll(async () => {
    client?.close();
    if (server) await killHard(server.process);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sees a transport close, redials the next process on its own and gets events again', async () => {
    await seedDataDir(dataDir);
    const county = await testCounty();
    const env = { AUTH_SECRET: TEST_AUTH_SECRET, SIMULATOR: 'off', DATA_DIR: dataDir, PORT: String(await freePort()) };
    server = await startChildServer(env);
    const url = server.url;
    // Default options: reconnection is the library's, not ours. The app's part is to subscribe on every connect.
    client = io(url, { auth: { token: signTestToken('admin') } });
    const reasons: string[] = [];
    const descriptions: string[] = [];
    let subscribed = 0;
    client.on('connect', () => {
      client?.emit('view:subscribe', { scope: GANZHE_STREET }, (ack: { ok: boolean }) => {
        if (ack.ok) subscribed++;
      });
    });
    client.on('disconnect', (reason) => reasons.push(reason));
    client.on('events', (batch: EventBatch) => {
      for (const event of batch.events) if (event.type === 'incident:reported') descriptions.push(event.payload.incident.description);
    });
    const until = (check: () => boolean) =>
      new Promise<void>((resolve) => {
        const poll = setInterval(() => check() && (clearInterval(poll), resolve()), 10);
      });
    const post = (description: string) =>
      fetch(`${url}/api/v1/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${signTestToken('ingest')}` },
        body: JSON.stringify(incidentAt(gridIn(county, GANZHE_STREET), { description })),
      });

    await until(() => subscribed === 1);
    expect((await post('重启前 before restart')).status).toBe(201);
    await until(() => descriptions.includes('重启前 before restart'));
    expect((await signalAndTime(server.process, 'SIGTERM')).code).toBe(0);
    expect(reasons).toEqual(['transport close']);

    server = await startChildServer(env);
    await until(() => subscribed === 2);
    expect((await post('重启后 after restart')).status).toBe(201);
    await until(() => descriptions.includes('重启后 after restart'));
    expect(client.connected).toBe(true);
  }, 60_000);
});
