import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { startServer, type RunningServer } from './harness/startServer';
import { bearerFor, E2E_AUTH_SECRET } from './harness/wallTokens';

/** An hour a minute: the header's minutes must move with the server's clock, a minute a second. */
const SIM_SPEED = 60;
const CLOCK = '[data-testid=clock]';

/** Minutes since midnight of the header's HH:MM:SS. */
const minutesOf = (text: string): number => {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

describe('the wall header’s clock follows the server’s clock, not the PC’s', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screen: MapPage;

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([
      // The e2e servers' clocks start at 21:00 Shanghai time, whatever this machine's time is.
      startServer({ env: { SIMULATOR: 'off', SIM_SPEED: String(SIM_SPEED), HEARTBEAT_MS: '1000', DEMO_MORNING: '08:30', AUTH_SECRET: E2E_AUTH_SECRET } }),
      launchBrowser(),
    ]);
    screen = await openWallPage(browser, server.origin, { width: 1920, height: 1080 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the simulated evening and runs at the simulated speed', async () => {
    await screen.page.waitForFunction((sel) => /^2[12]:/.test(document.querySelector(sel)?.textContent ?? ''), CLOCK, { timeout: 30_000 });
    const first = minutesOf((await screen.page.textContent(CLOCK)) ?? '');
    // Three simulated minutes pass in three real seconds; at the PC's own pace they would take three minutes.
    await screen.page.waitForFunction(
      ({ sel, from }) => {
        const [h, m] = (document.querySelector(sel)?.textContent ?? '').split(':').map(Number);
        return (h ?? 0) * 60 + (m ?? 0) >= from + 3;
      },
      { sel: CLOCK, from: first },
      { timeout: 20_000 },
    );
    expect(screen.errors).toEqual([]);
  });

  it('shows the server’s 08:3x after a reset to morning', async () => {
    const response = await fetch(`${server!.origin}/api/v1/demo/reset`, {
      method: 'POST',
      headers: { ...bearerFor('presenter'), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    const { reset } = (await response.json()) as { reset: { clockAt: number } };
    expect(new Date(reset.clockAt).toISOString()).toMatch(/T00:30:00/);
    // The wall reloads under the new epoch; its header then reads the morning, not the PC's time.
    await screen.page.waitForFunction((sel) => /^08:3\d:/.test(document.querySelector(sel)?.textContent ?? ''), CLOCK, { timeout: 60_000, polling: 100 });
    expect(await screen.page.textContent(CLOCK)).toMatch(/^08:3\d:\d\d$/);
  });
});
