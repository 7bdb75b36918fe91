import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { createClock } from '../../../server/clock';
import { loadConfig } from '../../../server/config';
import { GANZHE_STREET, gridIn, incidentAt } from '../helpers/fixtures';
import { signTestToken, TEST_AUTH_SECRET, testCounty } from '../helpers/testServer';
import { createTestSchema, type TestSchema } from '../store/pgTestSchema';
import { startTcpProxy, type TcpProxy } from '../store/tcpProxy';

// This is about the store, not about a loaded machine: under-pressure's shedding stays out of it.
const NO_LOAD_SHEDDING = { PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0', PRESSURE_MAX_HEAP_BYTES: '0' };

// One node whose PostgreSQL goes away behind a switchable TCP hop (the others keep theirs).
describe('a node when PostgreSQL goes away and comes back', () => {
  let schema: TestSchema;
  let proxy: TcpProxy;
  let dataDir: string;
  let app: Awaited<ReturnType<typeof buildApp>>['app'];
  beforeEach(async () => {
    schema = await createTestSchema();
    proxy = await startTcpProxy(5432);
    dataDir = mkdtempSync(join(tmpdir(), 'jinlin-outage-'));
    const url = schema.url.replace('127.0.0.1:5432', `127.0.0.1:${proxy.port}`);
    const config = loadConfig({ STORE: 'postgres', DATABASE_URL: url, DATA_DIR: dataDir, SIMULATOR: 'off', CLIENT_DIR: '', LOG_LEVEL: 'silent', AUTH_SECRET: TEST_AUTH_SECRET, TOUR_FILE: '', ...NO_LOAD_SHEDDING });
    ({ app } = await buildApp(config, { county: await testCounty(), clock: createClock() }));
  });
  afterEach(async () => {
    proxy.mode('pass');
    await app.close();
    await proxy.close();
    await schema.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const report = async (n: number) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: `Bearer ${signTestToken('ingest')}`, 'idempotency-key': `outage-${n}` },
      payload: incidentAt(gridIn(await testCounty(), GANZHE_STREET, n)),
    });

  it('answers writes 503 with Retry-After after its short timeouts instead of hanging, is unready, keeps serving reads, and writes again once it is back', async () => {
    expect((await report(1)).statusCode).toBe(201);
    proxy.mode('refuse');
    const started = Date.now();
    const refused = await report(2);
    // Within a second, not hanging: inject runs in this process, so this is the server's own handling
    // time (a refused connection fails at once: measured about 0.1 s; the store's timeouts are 800 ms).
    expect(Date.now() - started).toBeLessThan(1000);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await app.inject({ method: 'GET', url: '/api/v1/ready' })).statusCode).toBe(503);
    const snapshot = await app.inject({ method: 'GET', url: '/api/v1/snapshot?scope=350121', headers: { authorization: `Bearer ${signTestToken()}` } });
    expect(snapshot.statusCode, snapshot.body).toBe(200);
    expect(snapshot.json()).toMatchObject({ seq: 1 });

    proxy.mode('pass');
    expect((await report(3)).statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/api/v1/ready' })).statusCode).toBe(200);
  }, 20_000);
});
