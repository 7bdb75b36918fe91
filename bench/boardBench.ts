import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/harness/launchBrowser';
import { openWallPage } from '../tests/e2e/harness/openWallPage';
import { startServer } from '../tests/e2e/harness/startServer';
import { BENCH_AUTH_SECRET } from './benchToken';
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
  const server = await startServer({ env: { SIMULATOR: 'off', AUTH_SECRET: BENCH_AUTH_SECRET } });
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
    progress(`board bench: under ${RATE_PER_S}/s p95 ${burst.p95Ms} ms, ${burst.jankFrames} janky frames`);
    const rows = await wall.page.locator('.board__row').count();
    await wall.context.close();
    return {
      method: `1920×1080 wall in Debian Chromium (SwiftShader, no GPU); rAF intervals and long tasks over ${PHASE_S} s idle, then over ${PHASE_S} s of ${RATE_PER_S} reports/s POSTed to the ingest API (paced, 32 keep-alive sockets) until the wall counted them all`,
      posted: RATE_PER_S * PHASE_S,
      accepted,
      allCountedOnTheWall: deliveredBy,
      visibleBoardRows: rows,
      idle,
      burst,
      ratioP95BurstToIdle: round(burst.p95Ms / idle.p95Ms, 2),
      jankFrameMs: JANK_FRAME_MS,
    };
  } finally {
    poster.close();
    await browser.close();
    await server.stop();
  }
};
