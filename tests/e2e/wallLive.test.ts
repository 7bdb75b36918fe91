import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelPointsOf } from '../../client/map/regions/labelPointsOf';
import { MAP_LAYERS } from '../../client/map/layers/index';
import { clickableRegionPoint } from './harness/clickableRegionPoint';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { fetchRegions } from './harness/fetchRegions';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { wallHealth } from './harness/wallHealth';
import { bearerFor, E2E_AUTH_SECRET } from './harness/wallTokens';

const LIVE_TIMEOUT_MS = 90_000;
/** SwiftShader draws an 8-megapixel wall on the CPU: reaching idle and capturing it takes minutes on a loaded machine. */
const BIG_SCREEN_TIMEOUT_MS = 300_000;


/** A point well inside each community (the same label points the map uses), with its code and name. */
const communityPoints = async (origin: string) => {
  const communities = await fetchRegions(origin, 'community');
  const names = new Map(communities.features.map((f) => [f.properties.code, f.properties.name]));
  return labelPointsOf(communities).features.map((f) => ({
    code: f.properties.code,
    name: names.get(f.properties.code) ?? '',
    lngLat: f.geometry.coordinates as [number, number],
  }));
};

describe('the whole wall, live, with the simulator running', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screen: MapPage;
  /** Every page this file opened, so the no-other-host check covers the screenshot pages too. */
  const screens: MapPage[] = [];

  const reportedToday = () => screen.page.evaluate(() => window.__jinlin!.kpis!()!.incidents.reportedToday);

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([
      startServer({ env: { SIMULATOR: 'on', SIM_WARMUP_HOURS: '1', AUTH_SECRET: E2E_AUTH_SECRET } }),
      launchBrowser(),
    ]);
    // Keeps its view: an alarm flight mid-test would take the county, and our marker, off screen
    // (flights have their own test, wallAlarm.test.ts).
    screen = await openWallPage(browser, server.origin, { width: 1920, height: 1080, path: '/?layout=16x9&alarmFlights=off' });
    screens.push(screen);
    console.log(`wall live and idle ${screen.readyMs} ms after navigation`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reaches idle with every layer of the style present', async () => {
    const missing = await screen.page.evaluate(
      (ids) => ids.filter((id) => !window.__jinlin!.map.getLayer(id)),
      MAP_LAYERS.map((layer) => layer.id),
    );
    expect(missing).toEqual([]);
    expect(await screen.page.evaluate(() => window.__jinlin!.connection?.())).toBe('live');
  });

  it('shows an incident reported through the API as a marker and counts it in today’s figures', async () => {
    const points = await communityPoints(server!.origin);
    const before = await reportedToday();
    let id: string | undefined;
    for (const { lngLat } of points) {
      const response = await fetch(`${server!.origin}/api/v1/incidents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-wall-${Date.now()}`, ...bearerFor('ingest') },
        body: JSON.stringify({
          category: 'facility',
          source: 'patrol',
          description: '路灯不亮（端到端测试）',
          lng: lngLat[0],
          lat: lngLat[1],
          reporter: { name: '测试员', phone: '13800000000' },
        }),
      });
      if (response.status === 422) continue; // no grid under this label point; try the next community
      const body = (await response.json()) as { id?: string; incident?: { id: string } };
      expect(response.status, JSON.stringify(body)).toBeLessThan(300);
      id = body.incident?.id ?? body.id;
      break;
    }
    expect(id).toBeDefined();
    // Drawn on the marker layer (every other incident moves too, so wait for ours by id).
    await screen.page.waitForFunction(
      (incidentId) =>
        window.__jinlin!.map.queryRenderedFeatures({ layers: ['incident-markers'] }).some((f) => f.properties.id === incidentId),
      id,
      { timeout: LIVE_TIMEOUT_MS, polling: 250 },
    );
    // The simulator keeps reporting too, so the count is at least one more, not exactly one more.
    await screen.page.waitForFunction((n) => window.__jinlin!.kpis!()!.incidents.reportedToday >= n + 1, before, {
      timeout: LIVE_TIMEOUT_MS,
      polling: 250,
    });
    console.log(`reported today: ${before} → ${await reportedToday()} (ours: ${id})`);
  });

  it('drills into a clicked community: breadcrumb, scope and figures follow', async () => {
    const points = await communityPoints(server!.origin);
    // A margin keeps clear of panels that overlap the map's edge.
    const point = await clickableRegionPoint(screen.page, points, 40);
    const target = point && { ...point, name: points.find((p) => p.code === point.code)!.name };
    expect(target).not.toBeNull();
    const panelTextBefore = await screen.page.locator('.wall__cell').first().innerText();
    const crumbBefore = await screen.page.locator('[aria-current="location"]').innerText();

    await screen.page.mouse.click(target!.x, target!.y);
    await screen.page.waitForFunction(
      (code) => window.__jinlin!.scope === code && window.__jinlin!.kpis?.()?.code === code,
      target!.code,
      { timeout: LIVE_TIMEOUT_MS, polling: 250 },
    );
    await screen.page.evaluate(() => window.__jinlin!.idle());
    await expect.poll(() => screen.page.locator('[aria-current="location"]').innerText(), { timeout: 30_000 }).toBe(target!.name);
    expect(crumbBefore).not.toBe(target!.name);
    // The breadcrumb now lists the county … the community, with a working "up" button.
    expect(await screen.page.locator('[data-testid="scope-up"]').isDisabled()).toBe(false);
    // The organisation panel (first cell) shows the community's own figures.
    await expect.poll(() => screen.page.locator('.wall__cell').first().innerText(), { timeout: 30_000 }).not.toBe(panelTextBefore);
    await screen.page.screenshot({ path: screenshotPath('wall-live-community-1920x1080.png') });
  });

  it.each([
    { width: 1920, height: 1080, layout: '16x9' },
    { width: 3840, height: 2160, layout: '16x9' },
    { width: 7680, height: 2160, layout: '32x9' },
  ])('looks whole at $width×$height ($layout)', { timeout: BIG_SCREEN_TIMEOUT_MS }, async ({ width, height, layout }) => {
    // The first wall has done its part (its request log is kept): one animated map at a time.
    if (!screen.page.isClosed()) await screen.context.close();
    const wall = await openWallPage(browser!, server!.origin, { width, height, path: `/?layout=${layout}` });
    screens.push(wall);
    const health = await wallHealth(wall.page);
    const path = screenshotPath(`wall-live-${width}x${height}.png`);
    await wall.page.screenshot({ path, timeout: BIG_SCREEN_TIMEOUT_MS / 2 });
    console.log(`${width}×${height}: idle in ${wall.readyMs} ms; ${JSON.stringify(health)}; ${path}`);
    expect(await wall.page.locator('.wall').getAttribute('data-layout')).toBe(layout);
    expect(health.overflowPx).toEqual({ x: 0, y: 0 });
    expect(health.emptyCells).toBe(0);
    await wall.context.close();
  });

  it('never asks any other host for anything, over HTTP or WebSocket', () => {
    const all = screens.flatMap((s) => s.requests.urls);
    expect(all.some((url) => url.startsWith('ws'))).toBe(true);
    expect(screens.flatMap((s) => s.requests.offOrigin())).toEqual([]);
  });

  it('reports no errors in any page', () => {
    expect(screens.flatMap((s) => s.errors)).toEqual([]);
  });
});
