import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/harness/launchBrowser';
import { openWallPage } from '../tests/e2e/harness/openWallPage';
import { startServer } from '../tests/e2e/harness/startServer';
import { BENCH_AUTH_SECRET, UNLIMITED_WRITES } from './benchToken';
import { loadCountyLayout } from './countyLayout';
import { createPoster } from './httpPoster';
import { incidentBody } from './incidentBodies';
import { pace } from './pacer';
import { progress } from './progress';
import { createRng, pick } from './rng';
import { round } from './stats';
import { ROUTES } from '../shared/contract/http';

const RATE_PER_S = 100;
const PHASE_S = 10;
/** A frame slower than this is a visible stutter on a 60 Hz wall (three frames missed). */
const JANK_FRAME_MS = 50;

interface FrameFigures {
  frames: number;
  /** How long the recording ran, ms. */
  durationMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Frames slower than JANK_FRAME_MS. */
  jankFrames: number;
  /** Main-thread long tasks (> 50 ms) seen by PerformanceObserver, summed. */
  longTaskMs: number;
}

/**
 * Starts recording rAF intervals and long tasks in the page. A string, not a function: tsx wraps
 * named functions in a `__name` helper that does not exist in the page.
 */
const RECORDER = `(() => {
  const bench = { gaps: [], longTaskMs: 0, stop: false };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTaskMs += entry.duration;
  }).observe({ type: 'longtask' });
  let last = performance.now();
  const step = (t) => {
    bench.gaps.push(t - last);
    last = t;
    if (!bench.stop) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})()`;

const startRecording = (page: Page) => page.evaluate(RECORDER);

interface PresentedFrames {
  frames: number;
  perSecond: number;
  p95GapMs: number;
  /** Gaps between two presented frames longer than JANK_FRAME_MS. */
  gapsOverJankMs: number;
}

/**
 * Records the frames the browser actually put on screen (the display compositor's swaps). The board
 * slides by a composited transform, so this is what a viewer sees of it even while the page's main
 * thread waits on the map; the rAF figures above are what the page itself gets done.
 */
const recordPresentedFrames = async (browser: Browser): Promise<() => Promise<PresentedFrames>> => {
  const cdp = await browser.newBrowserCDPSession();
  const swaps: number[] = [];
  cdp.on('Tracing.dataCollected', (event: { value: { name?: string; ph?: string; ts?: number }[] }) => {
    for (const entry of event.value) if (entry.name === 'Display::DrawAndSwap' && entry.ph === 'X' && entry.ts !== undefined) swaps.push(entry.ts);
  });
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['viz'] }, transferMode: 'ReportEvents' });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    const times = [...swaps].sort((a, b) => a - b);
    const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 1000).sort((a, b) => a - b);
    const spanS = times.length > 1 ? (times.at(-1)! - times[0]!) / 1e6 : NaN;
    return {
      frames: times.length,
      perSecond: round(times.length / spanS, 1),
      p95GapMs: round(gaps[Math.min(gaps.length - 1, Math.floor(0.95 * gaps.length))] ?? NaN, 1),
      gapsOverJankMs: gaps.filter((gap) => gap > JANK_FRAME_MS).length,
    };
  };
};

const renderCost = (page: Page) => page.evaluate(() => window.__jinlin!.renderCost);

const stopRecording = async (page: Page): Promise<FrameFigures> => {
  const { gaps, longTaskMs } = await page.evaluate(() => {
    const w = window as unknown as { __bench: { gaps: number[]; longTaskMs: number; stop: boolean } };
    w.__bench.stop = true;
    return { gaps: w.__bench.gaps.slice(1), longTaskMs: w.__bench.longTaskMs };
  });
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN, 1);
  return {
    frames: gaps.length,
    durationMs: round(gaps.reduce((sum, gap) => sum + gap, 0), 0),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    maxMs: round(sorted.at(-1) ?? NaN, 1),
    jankFrames: gaps.filter((g) => g > JANK_FRAME_MS).length,
    longTaskMs: round(longTaskMs, 0),
  };
};

const reportedToday = (page: Page) => page.evaluate(() => window.__jinlin!.kpis!()!.incidents.reportedToday);

/**
 * The live event board under a burst: a 1920×1080 wall's frame intervals for 10 s with nothing
 * arriving (the baseline) and for 10 s of 100 incident reports a second posted through the real
 * ingest API — every one of them a new board row, a marker, a heat point and a KPI change.
 */
export const runBoardBench = async () => {
  progress(`board bench: a wall, then ${RATE_PER_S} reports/s for ${PHASE_S} s through the API`);
  const server = await startServer({ env: { SIMULATOR: 'off', AUTH_SECRET: BENCH_AUTH_SECRET, ...UNLIMITED_WRITES } });
  const browser = await launchBrowser();
  const poster = createPoster(server.origin, 32);
  try {
    const layout = await loadCountyLayout(server.origin);
    const wall = await openWallPage(browser, server.origin, { width: 1920, height: 1080, path: '/?layout=16x9' });
    const before = await reportedToday(wall.page);

    await startRecording(wall.page);
    await new Promise((resolve) => setTimeout(resolve, PHASE_S * 1000));
    const idle = await stopRecording(wall.page);
    progress(`board bench: idle p95 ${idle.p95Ms} ms`);

    const rng = createRng(4242);
    const statuses: Promise<number>[] = [];
    const costBefore = await renderCost(wall.page);
    const stopPresented = await recordPresentedFrames(browser);
    await startRecording(wall.page);
    await pace(RATE_PER_S, RATE_PER_S * PHASE_S, () => {
      statuses.push(poster.post(ROUTES.incidents, incidentBody(pick(layout.grids, rng), rng, { withGridCode: true })));
    });
    const accepted = (await Promise.all(statuses)).filter((status) => status < 300).length;
    // Until the wall has counted every accepted report: the board kept up, or the figures say by how much not.
    const deliveredBy = await wall.page
      .waitForFunction((n) => window.__jinlin!.kpis!()!.incidents.reportedToday >= n, before + accepted, { timeout: 60_000, polling: 100 })
      .then(() => true, () => false);
    const burst = await stopRecording(wall.page);
    const presented = await stopPresented();
    const costAfter = await renderCost(wall.page);
    progress(`board bench: under ${RATE_PER_S}/s p95 ${burst.p95Ms} ms, ${burst.jankFrames} janky frames; ${presented.perSecond} frames/s presented`);
    const rows = await wall.page.locator('.board__row').count();
    await wall.context.close();
    return {
      method: `1920×1080 wall in Debian Chromium (SwiftShader WebGL, software compositing, no GPU); main-thread rAF intervals and long tasks over ${PHASE_S} s idle, then over ${PHASE_S} s of ${RATE_PER_S} reports/s POSTed to the ingest API (paced, 32 keep-alive sockets) until the wall counted them all; frames presented by the display compositor over the burst (trace category viz); the map render budget's own accounting (window.__jinlin.renderCost)`,
      posted: RATE_PER_S * PHASE_S,
      accepted,
      allCountedOnTheWall: deliveredBy,
      visibleBoardRows: rows,
      idle,
      burst,
      ratioP95BurstToIdle: round(burst.p95Ms / idle.p95Ms, 2),
      presentedUnderBurst: presented,
      mapUnderBurst: costBefore && costAfter && {
        frames: costAfter.frames - costBefore.frames,
        /** What the map's frames held the page up for, as a share of the burst (the render budget's target is 0.25). */
        shareOfTime: round((costAfter.spentMs - costBefore.spentMs) / burst.durationMs, 2),
        frameCostMs: round(costAfter.frameCostMs, 0),
        animating: costAfter.animating,
      },
      jankFrameMs: JANK_FRAME_MS,
    };
  } finally {
    poster.close();
    await browser.close();
    await server.stop();
  }
};
