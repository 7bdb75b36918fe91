import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { bearerFor, E2E_AUTH_SECRET } from './harness/wallTokens';

const HEARTBEAT_MS = 1000;
/** The client calls data stale after two missed beats; allow a few more for a loaded machine. */
const STALE_WITHIN_MS = 15_000;

describe('the stale banner of a wall whose heartbeats stop', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screen: MapPage;

  const pauseHeartbeats = async (paused: boolean) => {
    const response = await fetch(`${server!.origin}/api/v1/admin/heartbeat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearerFor('admin') },
      body: JSON.stringify({ paused }),
    });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([
      // No simulator: nothing but heartbeats moves, so the banner depends on them alone.
      startServer({ env: { SIMULATOR: 'off', HEARTBEAT_MS: String(HEARTBEAT_MS), AUTH_SECRET: E2E_AUTH_SECRET } }),
      launchBrowser(),
    ]);
    screen = await openWallPage(browser, server.origin, { width: 1920, height: 1080 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const banner = () => screen.page.locator('[data-testid="stale-banner"]');

  it('shows no banner while heartbeats arrive', async () => {
    await screen.page.waitForFunction(() => window.__jinlin!.connection?.() === 'live', null, { timeout: 30_000 });
    expect(await banner().count()).toBe(0);
  });

  it('warns, with the time the data was last current, within about two intervals of the beats stopping', async () => {
    await pauseHeartbeats(true);
    const paused = performance.now();
    await banner().waitFor({ state: 'visible', timeout: STALE_WITHIN_MS });
    const afterMs = Math.round(performance.now() - paused);
    const text = await banner().innerText();
    console.log(`stale banner ${afterMs} ms after pausing: “${text}”`);
    expect(text).toMatch(/\d{1,2}:\d{2}(:\d{2})?/);
    expect(await screen.page.evaluate(() => window.__jinlin!.connection?.())).toBe('stale');
    await screen.page.screenshot({ path: screenshotPath('wall-stale-1920x1080.png') });
  });

  it('clears the banner once heartbeats resume', async () => {
    await pauseHeartbeats(false);
    await banner().waitFor({ state: 'detached', timeout: STALE_WITHIN_MS });
    expect(await screen.page.evaluate(() => window.__jinlin!.connection?.())).toBe('live');
  });

  it('reports no errors and asks no other host', () => {
    expect(screen.errors).toEqual([]);
    expect(screen.requests.offOrigin()).toEqual([]);
  });
});
