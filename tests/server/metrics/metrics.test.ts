import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, testCounty, type TestServer } from '../helpers/testServer';
import { GANZHE_STREET, gridIn, incidentAt } from '../helpers/fixtures';

const hasPromtool = spawnSync('promtool', ['--version']).status === 0;
// In CI promtool is installed by .ci/run: a missing one must fail there, not silently skip.
const needPromtool = process.env.CI === 'true';

const sampleOf = (text: string, name: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} sample in /metrics`);
  return Number(line.split(' ')[1]);
};

describe('Prometheus metrics', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-metrics-'));
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.runIf(hasPromtool || needPromtool)('pass `promtool check metrics` (no gauge named like a counter)', async () => {
    server = await startTestServer({ listen: false, dataDir });
    await server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: server.admin, payload: incidentAt(gridIn(await testCounty(), GANZHE_STREET)) });
    const text = (await server.app.inject({ url: '/metrics' })).body;
    const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(check.error).toBeUndefined();
    expect(`${check.stdout}${check.stderr}`.trim()).toBe('');
    expect(check.status).toBe(0);
    await server.close();
    server = undefined;
  });

  it('report the stored head seq right after a restart, before any new event', async () => {
    server = await startTestServer({ listen: false, dataDir });
    const county = await testCounty();
    for (let i = 0; i < 3; i++) {
      const posted = await server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: server.admin, payload: incidentAt(gridIn(county, GANZHE_STREET, i)) });
      expect(posted.statusCode).toBe(201);
    }
    await server.close();
    server = await startTestServer({ listen: false, dataDir });
    const health = (await server.app.inject({ url: '/api/v1/health' })).json() as { headSeq: number };
    expect(health.headSeq).toBeGreaterThanOrEqual(3);
    expect(sampleOf((await server.app.inject({ url: '/metrics' })).body, 'jinlin_head_seq')).toBe(health.headSeq);
  });
});
