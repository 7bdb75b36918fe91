import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelPointsOf } from '../../client/map/regions/labelPointsOf';
import { importCounty } from '../../server/import/importCounty';
import { TEST_COUNTY_CODE, writeTestCounty } from '../server/import/testCountyFiles';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { fetchRegions } from './harness/fetchRegions';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { bearerFor, E2E_AUTH_SECRET } from './harness/wallTokens';

const STEP_TIMEOUT_MS = 90_000;
const LEVEL_BY_LENGTH: Record<number, string> = { 6: 'county', 9: 'street', 12: 'community', 15: 'compound', 17: 'grid' };
const CHILD_LEVEL: Record<string, string> = { county: 'street', street: 'community', community: 'compound', compound: 'grid' };
const STREET = '990101001';

describe('the wall on an imported county (the tests\' own 256-grid county, no sample, no simulator)', () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screen: MapPage;

  /**
   * Clicks a child of the region on screen and waits until the wall shows where the click drilled:
   * the finest region visible under the pointer (a child, or a grandchild when the zoom shows it),
   * with its KPIs and an idle map.
   */
  const pointOnChild = (page: MapPage['page'], candidates: { code: string; lngLat: [number, number] }[], margin: number) =>
    page.evaluate(
      ({ points, marginPx }) => {
        const map = window.__jinlin!.map;
        const canvas = map.getCanvas().getBoundingClientRect();
        // Around the label point too: a marker there takes the click for its card (a service centre sits at a community's heart).
        const offsets: Array<[number, number]> = [[0, 0], [20, 0], [-20, 0], [0, 20], [0, -20], [20, 20], [-20, -20], [20, -20], [-20, 20]];
        for (const { code, lngLat } of points) {
          const centre = map.project(lngLat);
          for (const [dx, dy] of offsets) {
            const p = { x: centre.x + dx, y: centre.y + dy };
            if (p.x < marginPx || p.y < marginPx || p.x > canvas.width - marginPx || p.y > canvas.height - marginPx) continue;
            const hits = map.queryRenderedFeatures([p.x, p.y], { layers: ['community-fill', 'compound-fill', 'grid-fill'] });
            if (!hits.some((hit) => String(hit.properties.code).startsWith(code))) continue;
            if (window.__jinlin!.clickAt(p.x, p.y)?.marker) continue;
            const x = canvas.left + p.x;
            const y = canvas.top + p.y;
            if (document.elementFromPoint(x, y) === map.getCanvas()) return { code, x, y };
          }
        }
        return null;
      },
      { points: candidates, marginPx: margin },
    );

  const drillOnce = async (scope: string): Promise<string> => {
    const children = await fetchRegions(server!.origin, CHILD_LEVEL[LEVEL_BY_LENGTH[scope.length]!]!, { within: scope });
    const points = labelPointsOf(children).features.map((f) => ({ code: f.properties.code, lngLat: f.geometry.coordinates as [number, number] }));
    // A small county's street view is zoomed in so far that compounds and grids draw over the communities:
    // a point is clickable when it lies on the child (whatever finer region is drawn over it) and the canvas
    // is on top there; the wall then drills to the finest region under the pointer.
    const point = await pointOnChild(screen.page, points, 40);
    expect(point, `a clickable region inside ${scope}`).not.toBeNull();
    await screen.page.mouse.click(point!.x, point!.y);
    await screen.page.waitForFunction(
      (from) => {
        const now = window.__jinlin!.scope;
        return now !== null && now !== from && now.startsWith(from) && window.__jinlin!.kpis?.()?.code === now;
      },
      scope,
      { timeout: STEP_TIMEOUT_MS, polling: 250 },
    );
    await screen.page.evaluate(() => window.__jinlin!.idle());
    return screen.page.evaluate(() => window.__jinlin!.scope ?? '');
  };

  beforeAll(async () => {
    ensureClientBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'jinlin-e2e-imported-'));
    const imported = await importCounty({ paths: [writeTestCounty(join(dataDir, 'in'), undefined, { crs: 'wgs84' })], dataDir });
    expect(imported.written).not.toBeNull();
    // No SIMULATOR setting: an imported county implies it off.
    [server, browser] = await Promise.all([startServer({ env: { DATA_DIR: dataDir, AUTH_SECRET: E2E_AUTH_SECRET } }), launchBrowser()]);
    screen = await openWallPage(browser, server.origin, { width: 1920, height: 1080, path: '/?layout=16x9&alarmFlights=off' });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reaches map idle showing the imported county, with the simulator off (no warm-up, no reports of its own)', async () => {
    expect(await screen.page.evaluate(() => window.__jinlin!.scope)).toBe(TEST_COUNTY_CODE);
    expect(await screen.page.evaluate(() => window.__jinlin!.kpis!()!.code)).toBe(TEST_COUNTY_CODE);
    expect(server!.output()).not.toMatch(/Simulator: /);
    expect(await screen.page.evaluate(() => window.__jinlin!.kpis!()!.incidents.reportedToday)).toBe(0);
  });

  it('drills street → grid by clicks, and a report posted inside that grid lands in its KPIs', { timeout: 400_000 }, async () => {
    // Opened on a street (?scope=), as a street's command centre would be.
    await screen.page.goto(`${server!.origin}/?layout=16x9&alarmFlights=off&scope=${STREET}`);
    await screen.page.waitForFunction((code) => window.__jinlin?.kpis?.()?.code === code, STREET, { timeout: STEP_TIMEOUT_MS, polling: 250 });
    await screen.page.evaluate(() => window.__jinlin!.idle());
    const visited = [STREET];
    while (visited.at(-1)!.length < 17 && visited.length < 5) visited.push(await drillOnce(visited.at(-1)!));
    const grid = visited.at(-1)!;
    expect(LEVEL_BY_LENGTH[grid.length]).toBe('grid');
    expect(grid.startsWith(STREET)).toBe(true);
    console.log(`drilled ${visited.join(' → ')}`);
    expect(await screen.page.evaluate(() => window.__jinlin!.kpis!()!.incidents.reportedToday)).toBe(0);

    const target = labelPointsOf(await fetchRegions(server!.origin, 'grid', { within: grid })).features[0]!.geometry.coordinates;
    const response = await fetch(`${server!.origin}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-imported-${Date.now()}`, ...bearerFor('ingest', TEST_COUNTY_CODE) },
      body: JSON.stringify({ category: 'facility', source: 'patrol', description: '路灯不亮（导入县端到端测试）', lng: target[0], lat: target[1] }),
    });
    const body = (await response.json()) as { gridCode?: string };
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.gridCode).toBe(grid);
    await screen.page.waitForFunction((code) => window.__jinlin!.kpis!()!.code === code && window.__jinlin!.kpis!()!.incidents.reportedToday === 1, grid, {
      timeout: STEP_TIMEOUT_MS,
      polling: 250,
    });
    await screen.page.evaluate(() => window.__jinlin!.idle());
    await screen.page.screenshot({ path: screenshotPath('imported-county-grid-1920x1080.png') });
  });
});
