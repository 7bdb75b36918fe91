import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import { measurePage, type PageFigures } from './harness/measurePage';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { startServer, type RunningServer } from './harness/startServer';
import { watchAlarmTotals, type AlarmTotals } from './harness/watchAlarmTotals';
import { E2E_AUTH_SECRET } from './harness/wallTokens';

/** Server clock compression: an hour a minute. */
const SIM_SPEED = 60;
/**
 * Simulated hours to run the wall for (12 ≈ 12 real minutes at 60×). Opt-in with `SOAK_SIM_HOURS`
 * (`npm run test:soak`), because it would double the time of every e2e run.
 */
const SOAK_SIM_HOURS = Number(process.env.SOAK_SIM_HOURS ?? 0);
const SOAK_MS = (SOAK_SIM_HOURS * 3_600_000) / SIM_SPEED;
/** Simulated time before the baseline: caches, fonts, chart instances and the first prunes settle. */
const WARMUP_MS = Math.min(120_000, SOAK_MS / 4);
const HEAP_GROWTH_LIMIT = 1.2;
/** Wall time of a simulated hour and minute at SIM_SPEED. */
const SIM_HOUR_MS = 3_600_000 / SIM_SPEED;
const SIM_MINUTE_MS = 60_000 / SIM_SPEED;
/** Issue 15: after its first simulated hour a demo wall shows at most this many unacknowledged alarms on average. */
const MEAN_ALARMS_LIMIT = 5;
const MB = 1024 * 1024;

/** Resolves after `ms` of wall time *as the page sees it*: a soak's length is the thing under test, not a sleep. */
const runFor = (screen: MapPage, ms: number) =>
  screen.page.waitForFunction((until) => Date.now() >= until, Date.now() + ms, { timeout: ms + 120_000, polling: 5_000 });

const show = (label: string, figures: PageFigures) =>
  console.log(
    `${label}: heap ${(figures.heapUsedBytes / MB).toFixed(1)} MB, ${figures.domNodes} DOM nodes (${figures.flipNodes} in counters, ${figures.flipDigitCells} digits), ${figures.echartsInstances} ECharts instances; ${JSON.stringify(figures.domByClass)}`,
  );

describe.skipIf(SOAK_SIM_HOURS <= 0)(`the wall over ${SOAK_SIM_HOURS} simulated hours at ${SIM_SPEED}×`, () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screen: MapPage;
  let baseline: PageFigures;
  let alarms: AlarmTotals | undefined;
  let watchedFromMs = 0;

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([
      startServer({ env: { SIMULATOR: 'on', SIM_SPEED: String(SIM_SPEED), SIM_WARMUP_HOURS: '6', AUTH_SECRET: E2E_AUTH_SECRET }, startTimeoutMs: 180_000 }),
      launchBrowser(),
    ]);
    screen = await openWallPage(browser, server.origin, { width: 1920, height: 1080 });
    console.log(`wall live and idle ${screen.readyMs} ms after navigation`);
    alarms = await watchAlarmTotals(server.origin);
    watchedFromMs = Date.now();
  }, 600_000);

  afterAll(async () => {
    alarms?.close();
    await browser?.close();
    await server?.stop();
  });

  it('keeps its heap, DOM and chart instances flat', { timeout: SOAK_MS + 600_000 }, async () => {
    await runFor(screen, WARMUP_MS);
    await screen.page.evaluate(() => window.__jinlin!.idle());
    baseline = await measurePage(screen.page);
    show('after warm-up', baseline);
    const seqBefore = await (await fetch(`${server!.origin}/api/v1/health`)).text();

    await runFor(screen, SOAK_MS - WARMUP_MS);
    await screen.page.evaluate(() => window.__jinlin!.idle());
    const end = await measurePage(screen.page);
    show(`after ${SOAK_SIM_HOURS} simulated hours`, end);
    console.log(`heap ratio ${(end.heapUsedBytes / baseline.heapUsedBytes).toFixed(3)}; server health before/after: ${seqBefore} / ${await (await fetch(`${server!.origin}/api/v1/health`)).text()}`);

    expect(await screen.page.evaluate(() => window.__jinlin!.connection?.())).toMatch(/live|catching_up/);
    expect(end.heapUsedBytes).toBeLessThanOrEqual(baseline.heapUsedBytes * HEAP_GROWTH_LIMIT);
    // Flat: the event board and panels re-render in place, so a few rows coming and going is all.
    // Counters are the one honest exception: 999 → 1,000 adds a digit (a cell and its strip) and a
    // separator, growth bounded by the figures' magnitude, not by time. So the counters must hold
    // nothing but their digits and separators, and everything else must stay flat.
    expect(end.flipNodes).toBe(end.flipNodesExplained);
    const outsideCounters = (figures: PageFigures) => figures.domNodes - figures.flipNodes;
    expect(Math.abs(outsideCounters(end) - outsideCounters(baseline))).toBeLessThanOrEqual(Math.max(20, outsideCounters(baseline) * 0.05));
    expect(end.echartsInstances).toBe(baseline.echartsInstances);
    expect(screen.errors).toEqual([]);
    expect(screen.requests.offOrigin()).toEqual([]);

    // Alarm discipline: the simulated county answers its alarms, so the wall is not a wall of red.
    const samples = alarms!.samples(watchedFromMs + SIM_HOUR_MS, SIM_MINUTE_MS);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    console.log(`unacknowledged alarms after the first simulated hour: mean ${mean.toFixed(2)}, max ${Math.max(...samples)} over ${samples.length} simulated minutes`);
    expect(samples.length).toBeGreaterThan(0);
    expect(mean).toBeLessThanOrEqual(MEAN_ALARMS_LIMIT);
  });
});
