import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killHard, startChildServer, type ChildServer } from '../helpers/childServer';
import { GANZHE_STREET, gridIn, incidentAt } from '../helpers/fixtures';
import { TEST_AUTH_SECRET, signTestToken, testCounty } from '../helpers/testServer';
import { seedDataDir, signalAndTime, storedDescriptions } from './shutdownServer';

/** Opens a raw TCP connection and writes `text` into it, then leaves it hanging. */
const stall = (url: string, text: string): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname, () => socket.write(text, () => resolve(socket)));
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });

/** An idle keep-alive connection: one complete request answered, then silence. */
const idleKeepAlive = (url: string): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname, () => socket.write(`GET /api/v1/health HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`));
    socket.on('error', () => undefined);
    socket.once('error', reject);
    socket.once('data', () => resolve(socket));
  });

const env = { AUTH_SECRET: TEST_AUTH_SECRET, SIMULATOR: 'off' };

describe('SIGTERM with stalled clients', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-shutdown-'));
  const sockets: Socket[] = [];
  let server: ChildServer | undefined;
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    if (server) await killHard(server.process);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits within 10 s with 50 stalled clients, answers newcomers 503 + Retry-After, and loses no acknowledged write', async () => {
    await seedDataDir(dataDir);
    const county = await testCounty();
    server = await startChildServer({ ...env, DATA_DIR: dataDir });
    const { url } = server;
    const body = JSON.stringify(incidentAt(gridIn(county, GANZHE_STREET)));
    for (let i = 0; i < 17; i++) sockets.push(await stall(url, `POST /api/v1/incidents HTTP/1.1\r\nHost: x\r\nContent-Ty`));
    for (let i = 0; i < 17; i++) {
      sockets.push(await stall(url, `POST /api/v1/incidents HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 500}\r\n\r\n${body}`));
    }
    for (let i = 0; i < 16; i++) sockets.push(await idleKeepAlive(url));

    // A field app posting on one keep-alive connection until the server is gone.
    const token = signTestToken('ingest');
    const acknowledged: string[] = [];
    const refusals: { status: number; retryAfter: string | null; error: string }[] = [];
    let signalled = false;
    const poster = (async () => {
      for (let i = 0; ; i++) {
        try {
          const response = await fetch(`${url}/api/v1/incidents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify(incidentAt(gridIn(county, GANZHE_STREET, i), { description: `路灯不亮 SHUT-${i}` })),
          });
          const answer = (await response.json()) as { error?: string };
          if (response.status === 201) acknowledged.push(`路灯不亮 SHUT-${i}`);
          else if (signalled) refusals.push({ status: response.status, retryAfter: response.headers.get('retry-after'), error: answer.error ?? '' });
        } catch {
          if (signalled) return;
        }
      }
    })();
    while (acknowledged.length < 30) await new Promise((resolve) => setImmediate(resolve));

    signalled = true;
    const { ms, code } = await Promise.race([
      signalAndTime(server.process, 'SIGTERM'),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still running 12 s after SIGTERM')), 12_000)),
    ]);
    await poster;
    expect(ms).toBeLessThan(10_000);
    expect(code).toBe(0);
    for (const refusal of refusals) expect(refusal).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/), error: 'shutting_down' });

    server = await startChildServer({ ...env, DATA_DIR: dataDir });
    const stored = await storedDescriptions(server.url, signTestToken('admin'));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 60_000);

  it('closes a connection that stalls in its headers while the server runs', async () => {
    if (server) await killHard(server.process);
    server = await startChildServer({ ...env, DATA_DIR: dataDir, HTTP_HEADERS_TIMEOUT_MS: '2000' });
    const socket = await stall(server.url, 'GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow');
    sockets.push(socket);
    // Read what the server says (its 408), so its hang-up is seen.
    socket.resume();
    const closed = await Promise.race([
      new Promise<string>((resolve) => socket.once('close', () => resolve('closed'))),
      new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 8_000)),
    ]);
    expect(closed).toBe('closed');
  }, 30_000);
});
