import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../client/jinlinTestHook';
import { signToken } from '../../server/auth/tokens';
import { GANZHE_STREET, gridIn, incidentAt } from '../server/helpers/fixtures';
import { testCounty } from '../server/helpers/testServer';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import { startServer, type RunningServer } from './harness/startServer';
import { watchPageErrors } from './harness/watchPageErrors';

const SECRET = 'jinlin-e2e-export-secret';
const REPORTS = 3;

describe('the tablet exports its street', () => {
  let server: RunningServer;
  let browser: Browser;
  const token = (role: 'admin' | 'street', scope: string) => signToken({ role, scope, ttlSeconds: 3600, now: Date.now() }, SECRET).token;

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([startServer({ env: { SIMULATOR: 'off', AUTH_SECRET: SECRET } }), launchBrowser()]);
    const county = await testCounty();
    for (let n = 0; n < REPORTS; n++) {
      const response = await fetch(`${server.origin}/api/v1/incidents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token('admin', '350121')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...incidentAt(gridIn(county, GANZHE_STREET, n)), gridCode: gridIn(county, GANZHE_STREET, n).code }),
      });
      expect(response.status).toBe(201);
    }
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('saves a CSV with a BOM and one row per incident of the last seven days, reporters included for a street leader', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${server.origin}/?token=${token('street', GANZHE_STREET)}`);
    await page.waitForFunction(() => window.__jinlin !== undefined);
    await page.evaluate(() => window.__jinlin?.ready);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^incidents-${GANZHE_STREET}-.*\\.csv$`));
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(1 + REPORTS);
    expect(lines[1]).toContain('张三丰');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
