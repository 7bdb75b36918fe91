import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GANZHE_STREET, gridIn, incidentAt } from '../helpers/fixtures';
import { startTestServer, testCounty, type TestServer } from '../helpers/testServer';

const report = async (server: TestServer, n: number) =>
  server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: server.admin, payload: incidentAt(gridIn(await testCounty(), GANZHE_STREET, n)) });

const revoke = (server: TestServer, jti: string) =>
  server.app.inject({ method: 'POST', url: '/api/v1/admin/tokens/revoke', headers: server.admin, payload: { jti } });

const expectRefusedForNow = (response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
  expect(response.statusCode).toBe(503);
  expect(String(response.headers['retry-after'])).toMatch(/^\d+$/);
  expect(response.json()).toMatchObject({ error: 'store_unavailable' });
};

describe('the SQLite store when its files are deleted under a running server', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('refuses writes with 503 + Retry-After instead of acknowledging them into a deleted file, and reports unready', async () => {
    server = await startTestServer({ listen: false });
    expect((await report(server, 0)).statusCode).toBe(201);
    expect((await server.app.inject({ url: '/api/v1/ready' })).statusCode).toBe(200);
    for (const suffix of ['', '-wal', '-shm']) {
      const file = join(server.dataDir, `jinlin.sqlite${suffix}`);
      if (existsSync(file)) unlinkSync(file);
    }
    expectRefusedForNow(await report(server, 1));
    expectRefusedForNow(await revoke(server, 'deleted-store-jti'));
    const ready = await server.app.inject({ url: '/api/v1/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ error: 'not_ready', message: expect.stringContaining('deleted') });
  });
});

/** A real small filesystem: mounting needs root (CI runs as root); elsewhere this part is skipped. */
const tmpfsDir = join(tmpdir(), `jinlin-full-${process.pid}`);
mkdirSync(tmpfsDir, { recursive: true });
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', tmpfsDir]).status === 0;

describe.runIf(mounted)('the SQLite store on a full disk', () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.close();
    spawnSync('umount', [tmpfsDir]);
    rmSync(tmpfsDir, { recursive: true, force: true });
  });

  it('answers writes and revocations 503 + Retry-After, reports unready, and recovers once space is freed', async () => {
    const dataDir = mkdtempSync(join(tmpfsDir, 'data-'));
    server = await startTestServer({ listen: false, dataDir });
    expect((await report(server, 0)).statusCode).toBe(201);
    // Fill the filesystem to the last block.
    const filler = join(tmpfsDir, 'filler');
    const chunk = Buffer.alloc(64 * 1024, 1);
    let written = 0;
    for (;;) {
      try {
        writeFileSync(filler, chunk, { flag: 'a' });
        written += chunk.length;
      } catch {
        break;
      }
    }
    expect(written).toBeGreaterThan(0);
    expectRefusedForNow(await report(server, 1));
    expectRefusedForNow(await revoke(server, 'full-disk-jti'));
    const ready = await server.app.inject({ url: '/api/v1/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ error: 'not_ready', message: expect.stringContaining('full') });

    unlinkSync(filler);
    expect((await server.app.inject({ url: '/api/v1/ready' })).statusCode).toBe(200);
    expect((await report(server, 2)).statusCode).toBe(201);
    expect((await revoke(server, 'full-disk-jti')).statusCode).toBe(200);
  });
});
