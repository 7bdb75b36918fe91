import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../client/jinlinTestHook';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { REPO_ROOT } from './harness/repoRoot';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { E2E_AUTH_SECRET, tokenFor } from './harness/wallTokens';

const TOUR_FILE = join(REPO_ROOT, 'tests/e2e/fixtures/shortTour.json');
const HINT = '[data-testid=tour-hint]';
const CAPTION = '[data-testid=tour-caption]:not(.caption-leave-active)';
const WAIT_MS = 60_000;

/** Clicks the middle of the wall's map canvas. */
const clickMap = async (page: Page): Promise<void> => {
  const box = await page.evaluate(() => {
    const { left, top, width, height } = window.__jinlin!.map.getCanvas().getBoundingClientRect();
    return { x: left + width / 2, y: top + height / 3 };
  });
  await page.mouse.click(box.x, box.y);
};

const hintOf = (page: Page): Promise<string | null> => page.evaluate((selector) => document.querySelector(selector)?.getAttribute('data-hint') ?? null, HINT);

describe('while the guided tour owns the walls, a click is answered: an official takes the wall over, a display wall says to use the remote', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let display: MapPage;
  let operator: MapPage;

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([
      startServer({ env: { SIMULATOR: 'off', TOUR_FILE, TOUR_AUTOPLAY: 'on', AUTH_SECRET: E2E_AUTH_SECRET } }),
      launchBrowser(),
    ]);
    const open = (role: 'display' | 'operator') =>
      openWallPage(browser!, server!.origin, { width: 1280, height: 720, path: `/?token=${tokenFor(role)}&motion=still&alarmFlights=off`, startTimeoutMs: 180_000 });
    display = await open('display');
    operator = await open('operator');
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('tells a display wall the tour is on and only the presenter’s remote pauses it; a click nudges the hint and leaves the tour playing', async () => {
    await display.page.waitForSelector(`${CAPTION} ${HINT}[data-hint=presenterOnly]`, { timeout: WAIT_MS });
    expect(await display.page.locator(HINT).innerText()).toContain('讲解遥控器');
    await clickMap(display.page);
    await display.page.waitForSelector(`${HINT}.tour-hint--nudged`, { timeout: 5000 });
    expect(await hintOf(display.page)).toBe('presenterOnly');
    expect(await display.page.evaluate(() => window.__jinlin!.drills.length)).toBe(0);
    expect(await display.page.locator(CAPTION).count()).toBe(1);
    await display.page.screenshot({ path: screenshotPath('wall-tour-hint-display-1280x720.png') });
  });

  it('lets an operator’s wall leave the tour with a click on the map, for that wall alone, and rejoin it with a click on the hint', async () => {
    await operator.page.waitForSelector(`${CAPTION} ${HINT}[data-hint=owned]`, { timeout: WAIT_MS });
    expect(await operator.page.locator(HINT).innerText()).toContain('导览中 · 点击暂停');
    await clickMap(operator.page);
    await operator.page.waitForSelector(`${HINT}[data-hint=takenOver]`, { timeout: 5000 });
    await operator.page.waitForSelector(CAPTION, { state: 'detached', timeout: 5000 });
    // The map is the operator's again: gestures on, clicks drill and open cards.
    await operator.page.waitForFunction(() => window.__jinlin!.map.dragPan.isEnabled());
    await operator.page.screenshot({ path: screenshotPath('wall-tour-hint-taken-over-1280x720.png') });
    // The other walls tour on.
    await display.page.waitForSelector(CAPTION, { timeout: WAIT_MS });

    await operator.page.locator(HINT).click();
    await operator.page.waitForSelector(`${CAPTION} ${HINT}[data-hint=owned]`, { timeout: WAIT_MS });
    await operator.page.waitForFunction(() => !window.__jinlin!.map.dragPan.isEnabled());
  });

  it('logged no page errors', () => {
    expect(display.errors).toEqual([]);
    expect(operator.errors).toEqual([]);
  });
});
