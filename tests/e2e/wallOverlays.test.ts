import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../client/jinlinTestHook';
import { labelPointsOf } from '../../client/map/regions/labelPointsOf';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { fetchRegions } from './harness/fetchRegions';
import { launchBrowser } from './harness/launchBrowser';
import { boxesIntersect, measureMapOverlays } from './harness/measureMapOverlays';
import { openWallPage } from './harness/openWallPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { E2E_AUTH_SECRET, bearerFor, tokenFor } from './harness/wallTokens';

/** The wall shapes of layout/wallPresets.ts: 2×2 and 4×2 tiles of 1080p and 4K, and a 4×1 strip. */
const PRESETS = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 3840, height: 1080 },
  { width: 7680, height: 2160 },
] as const;
const MAX_COVERED_SHARE = 0.15;
/** Urgent reports of different kinds and places: more than the list shows, so its "+N" line is up too. */
const URGENT_CATEGORIES = ['safety', 'facility', 'sanitation', 'dispute', 'parking'] as const;
const WAIT_MS = 60_000;

describe('the map is never buried: overlays sit in rails beside each other and pad the camera', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let grids: { code: string; lngLat: [number, number] }[] = [];

  /** Reports the urgent cases anew for each wall: the simulator acknowledges alarms as a county would. */
  const reportUrgentCases = async (run: string): Promise<void> => {
    for (const [i, category] of URGENT_CATEGORIES.entries()) {
      const grid = grids[(i * 7) % grids.length]!;
      const [lng, lat] = grid.lngLat;
      const response = await fetch(`${server!.origin}/api/v1/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-overlay-${run}-${i}`, ...bearerFor('ingest') },
        body: JSON.stringify({ category, source: 'hotline', priority: 'urgent', description: '楼道堆放杂物堵塞消防通道', gridCode: grid.code, lng, lat }),
      });
      expect(response.status).toBe(201);
    }
  };

  beforeAll(async () => {
    ensureClientBuilt();
    // As on a fresh `npm start`: the simulator runs and the default tour plays on every wall.
    [server, browser] = await Promise.all([
      // A fifth of the demo rate: the walls here are big and the machine small.
      startServer({ env: { SIMULATOR: 'on', SIM_WARMUP_HOURS: '1', SIM_RATE: '2', TOUR_AUTOPLAY: 'on', AUTH_SECRET: E2E_AUTH_SECRET } }),
      launchBrowser(),
    ]);
    grids = labelPointsOf(await fetchRegions(server.origin, 'grid', { within: '350121001', headers: bearerFor('operator') })).features.map((f) => ({
      code: f.properties.code,
      lngLat: f.geometry.coordinates as [number, number],
    }));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const { width, height } of PRESETS) {
    it(`covers at most 15 % of the map at ${width}×${height} during the tour with alarms up, overlays apart and padded`, async () => {
      await reportUrgentCases(`${width}x${height}`);
      // Big walls are drawn at half density: the CSS layout is the wall's, the machine draws a quarter of the pixels.
      const wall = await openWallPage(browser!, server!.origin, {
        width,
        height,
        deviceScaleFactor: width > 1920 ? 0.5 : 1,
        path: `/?token=${tokenFor('display')}`,
        startTimeoutMs: 240_000,
      });
      try {
        const { page } = wall;
        await page.waitForSelector('[data-overlay=tour-caption] [data-testid=tour-caption-title]', { timeout: WAIT_MS });
        await page.waitForSelector('[data-overlay=alarms] [data-testid=alarm-count]', { timeout: WAIT_MS });
        // The padding follows the rails within a frame or two of their last change.
        await page.waitForFunction(() => (window.__jinlin!.map.getPadding().bottom ?? 0) > 0 && (window.__jinlin!.map.getPadding().right ?? 0) > 0, null, { timeout: WAIT_MS });
        const measured = await measureMapOverlays(page);
        console.log(`${width}×${height}: overlays on ${(measured.coveredShare * 100).toFixed(1)} % of the map`, measured.coveredBy, 'padding', measured.padding);
        // An 8K frame in software WebGL can take longer than Playwright's default 30 s to capture.
        await page.screenshot({ path: screenshotPath(`wall-overlays-${width}x${height}.png`), timeout: 180_000 });

        expect(measured.coveredShare, JSON.stringify(measured.coveredBy)).toBeLessThanOrEqual(MAX_COVERED_SHARE);
        const names = measured.boxes.map((box) => box.name);
        expect(names).toEqual(expect.arrayContaining(['tour-caption', 'alarms']));
        for (const [i, a] of measured.boxes.entries()) {
          for (const b of measured.boxes.slice(i + 1)) expect(boxesIntersect(a, b), `${a.name} and ${b.name} overlap`).toBe(false);
        }
        // What the caption and the alarm list cover is camera padding: fits and flights keep clear of it.
        const caption = measured.boxes.find((box) => box.name === 'tour-caption')!;
        const alarms = measured.boxes.find((box) => box.name === 'alarms')!;
        expect(measured.padding.bottom).toBeGreaterThanOrEqual(measured.map.bottom - caption.top - 1);
        expect(measured.padding.right).toBeGreaterThanOrEqual(measured.map.right - alarms.left - 1);
        expect(wall.errors).toEqual([]);
      } finally {
        await wall.context.close();
      }
    }, 480_000);
  }
});
