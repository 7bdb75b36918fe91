import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelPointsOf } from '../../client/map/regions/labelPointsOf';
import type { EventsPage } from '../../shared/contract/snapshot';
import type { Incident } from '../../shared/domain/incident';
import { signToken } from '../../server/auth/tokens';
import type {} from '../../client/jinlinTestHook';
import { clickableRegionPoint } from './harness/clickableRegionPoint';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { fetchRegions } from './harness/fetchRegions';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { watchPageErrors } from './harness/watchPageErrors';
import { E2E_AUTH_SECRET, bearerFor } from './harness/wallTokens';

const STREET = '350121001'; // 甘蔗街道
const OTHER_STREET = '350121107'; // 上街镇
const ALARM_TIMEOUT_MS = 60_000;

const token = (role: 'street' | 'display', scope: string) => signToken({ role, scope, ttlSeconds: 3600, now: Date.now() }, E2E_AUTH_SECRET).token;

describe('an urgent incident alarms on every wall until a street leader acknowledges it on the tablet', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let walls: MapPage[] = [];
  /** A wall drilled into a community of another street: the alarm is outside the region it shows. */
  let drilled: MapPage;
  /** A wall told to keep its view (`?alarmFlights=off`), as a centre's overview wall is: cards and flashes, no flights. */
  let keeper: MapPage;
  let keeperCamera: { zoom: number; center: [number, number] };
  /** A wall an operator has just drilled into a community of another street by clicking it. */
  let operated: MapPage;
  let operatedCommunity: string;
  let operatedCamera: { zoom: number; center: [number, number] };
  /** A wall an operator has just dragged by hand. */
  let panned: MapPage;
  let pannedCamera: { zoom: number; center: [number, number] };
  let community: { code: string; lng: number; lat: number };
  let site: { gridCode: string; lng: number; lat: number };
  let tablet: Page;
  let tabletErrors: readonly string[];
  let incident: Incident;
  let countyZoom: number[] = [];

  const card = (id: string) => `[data-testid=alarm-card][data-id="${id}"]`;

  /** Whether the wall's alarm flash layer holds a feature for the incident (rendered tiles only: it must be in view). */
  const flashing = (page: Page, id: string) =>
    page.evaluate((incidentId) => window.__jinlin!.map.querySourceFeatures('alarm-flash').some((f) => f.properties.id === incidentId), id);

  const cameraOf = (page: Page) =>
    page.evaluate(() => {
      const map = window.__jinlin!.map;
      return { zoom: map.getZoom(), center: map.getCenter().toArray() as [number, number] };
    });

  /** Drags the map by hand from the middle of its canvas. */
  const dragMap = async (page: Page, dx: number, dy: number): Promise<void> => {
    const box = await page.evaluate(() => {
      const { left, top, width, height } = window.__jinlin!.map.getCanvas().getBoundingClientRect();
      return { x: left + width / 2, y: top + height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await page.mouse.down();
    await page.mouse.move(box.x + dx, box.y + dy, { steps: 8 });
    await page.mouse.up();
  };

  /** Clicks, as an operator would, a community of `street` where the map itself is on top; returns its code. */
  const clickCommunityOf = async (page: Page, street: string): Promise<string> => {
    const communities = await fetchRegions(server!.origin, 'community', { within: street, headers: bearerFor('operator') });
    const points = labelPointsOf(communities).features.map((f) => ({
      code: f.properties.code,
      lngLat: f.geometry.coordinates as [number, number],
    }));
    const target = await clickableRegionPoint(page, points, 20);
    if (!target) throw new Error(`no community of ${street} to click on screen`);
    await page.mouse.click(target.x, target.y);
    return target.code;
  };

  /** A point inside a real region of the level within `within`, with its code, from the same API the map uses. */
  const regionPoint = async (level: 'grid' | 'community', within: string): Promise<{ code: string; lng: number; lat: number }> => {
    const point = labelPointsOf(await fetchRegions(server!.origin, level, { within, headers: bearerFor('operator') })).features[0];
    if (!point) throw new Error(`no ${level} in ${within}`);
    const [lng = 0, lat = 0] = point.geometry.coordinates;
    return { code: point.properties.code, lng, lat };
  };

  beforeAll(async () => {
    ensureClientBuilt();
    // No simulator: the only incident on the walls is the test's own, so every alarm is accounted for.
    [server, browser] = await Promise.all([startServer({ env: { SIMULATOR: 'off', AUTH_SECRET: E2E_AUTH_SECRET } }), launchBrowser()]);
    const wallPath = `/?token=${token('display', '350121')}`;
    walls = await Promise.all([0, 1].map(() => openWallPage(browser!, server!.origin, { width: 960, height: 540, path: wallPath })));
    community = await regionPoint('community', OTHER_STREET);
    drilled = await openWallPage(browser, server.origin, { width: 960, height: 540, path: `${wallPath}&scope=${community.code}` });
    keeper = await openWallPage(browser, server.origin, { width: 960, height: 540, path: `${wallPath}&alarmFlights=off` });
    keeperCamera = await cameraOf(keeper.page);
    operated = await openWallPage(browser, server.origin, { width: 960, height: 540, path: wallPath });
    operatedCommunity = await clickCommunityOf(operated.page, OTHER_STREET);
    await operated.page.waitForFunction((code) => window.__jinlin!.scope === code, operatedCommunity);
    await operated.page.evaluate(() => window.__jinlin!.idle());
    operatedCamera = await cameraOf(operated.page);
    panned = await openWallPage(browser, server.origin, { width: 960, height: 540, path: wallPath });
    await dragMap(panned.page, 120, 60);
    await panned.page.evaluate(() => window.__jinlin!.idle());
    pannedCamera = await cameraOf(panned.page);
    countyZoom = await Promise.all(walls.map(({ page }) => page.evaluate(() => window.__jinlin!.map.getZoom())));
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
    tablet = await context.newPage();
    tabletErrors = watchPageErrors(tablet);
    await tablet.goto(new URL(`/?token=${token('street', STREET)}&screen=tablet`, server.origin).href);
    await tablet.waitForSelector('[data-testid=connection][data-state=live]', { timeout: ALARM_TIMEOUT_MS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows an urgent incident reported through the API as a flashing card and a map flash on both walls, and flies there', async () => {
    const grid = await regionPoint('grid', STREET);
    site = { gridCode: grid.code, lng: grid.lng, lat: grid.lat };
    const response = await fetch(`${server!.origin}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-alarm-${Date.now()}`, ...bearerFor('ingest') },
      body: JSON.stringify({
        category: 'safety',
        source: 'hotline',
        priority: 'urgent',
        description: '小区地下车库电动车起火冒烟',
        ...site,
        reporter: { name: '林晓岚', phone: '13905911234' },
      }),
    });
    expect(response.status).toBe(201);
    incident = (await response.json()) as Incident;

    for (const [i, { page }] of walls.entries()) {
      const shown = page.locator(card(incident.id));
      await shown.waitFor({ timeout: ALARM_TIMEOUT_MS });
      expect(await shown.getAttribute('data-reason')).toBe('urgent');
      const text = (await shown.textContent()) ?? '';
      expect(text).toContain('安全隐患');
      expect(text).toContain('紧急');
      // A wall is a public screen: nobody's name or phone, not even masked, is on the card.
      expect(text).not.toMatch(/林|1390/);
      await page.waitForFunction(
        ({ lng, lat, zoom }) => {
          const map = window.__jinlin!.map;
          return !map.isMoving() && map.getZoom() > zoom + 2 && map.getBounds().contains([lng, lat]);
        },
        { lng: site.lng, lat: site.lat, zoom: countyZoom[i] ?? 0 },
        { timeout: ALARM_TIMEOUT_MS, polling: 250 },
      );
      await expect.poll(() => flashing(page, incident.id), { timeout: ALARM_TIMEOUT_MS }).toBe(true);
      await page.screenshot({ path: screenshotPath(`wall-alarm-${i + 1}-960x540.png`) });
    }
  });

  it('leaves the camera where an operator has just drilled in: the card and the alarm count show, the view stays', async () => {
    const { page } = operated;
    await page.locator(card(incident.id)).waitFor({ timeout: ALARM_TIMEOUT_MS });
    // The walls beside it flew within seconds of the card; this one holds for a minute after the click.
    expect(await page.evaluate(() => window.__jinlin!.map.isMoving())).toBe(false);
    expect(await cameraOf(page)).toEqual(operatedCamera);
    expect(await page.evaluate(() => window.__jinlin!.scope)).toBe(operatedCommunity);
    await page.screenshot({ path: screenshotPath('wall-alarm-operator-drilled-960x540.png') });
  });

  it('leaves the camera where an operator has just panned the map by hand', async () => {
    const { page } = panned;
    await page.locator(card(incident.id)).waitFor({ timeout: ALARM_TIMEOUT_MS });
    expect(await page.evaluate(() => window.__jinlin!.map.isMoving())).toBe(false);
    expect(await cameraOf(page)).toEqual(pannedCamera);
    // The drag did move it: this is not a wall that never moves.
    expect(pannedCamera.center).not.toEqual(keeperCamera.center);
  });

  it('shows the alarm on a wall drilled into a community of another street too, and flies there from it', async () => {
    const { page } = drilled;
    expect(await page.evaluate(() => window.__jinlin!.scope)).toBe(community.code);
    const shown = page.locator(card(incident.id));
    await shown.waitFor({ timeout: ALARM_TIMEOUT_MS });
    expect(await shown.getAttribute('data-reason')).toBe('urgent');
    expect((await shown.textContent()) ?? '').not.toMatch(/林|1390/);
    await page.waitForFunction(
      ({ lng, lat }) => !window.__jinlin!.map.isMoving() && window.__jinlin!.map.getBounds().contains([lng, lat]),
      { lng: site.lng, lat: site.lat },
      { timeout: ALARM_TIMEOUT_MS, polling: 250 },
    );
    await expect.poll(() => flashing(page, incident.id), { timeout: ALARM_TIMEOUT_MS }).toBe(true);
    await page.screenshot({ path: screenshotPath('wall-alarm-drilled-960x540.png') });
  });

  it('shows the alarm on a wall told to keep its view, card and flash, without moving its camera', async () => {
    const { page } = keeper;
    await page.locator(card(incident.id)).waitFor({ timeout: ALARM_TIMEOUT_MS });
    await expect.poll(() => flashing(page, incident.id), { timeout: ALARM_TIMEOUT_MS }).toBe(true);
    // The other walls have flown by now; this one has not even begun to.
    expect(await page.evaluate(() => window.__jinlin!.map.isMoving())).toBe(false);
    expect(await cameraOf(page)).toEqual(keeperCamera);
    await page.screenshot({ path: screenshotPath('wall-alarm-kept-view-960x540.png') });
  });

  it('lists the alarm on the street leader’s tablet, with an acknowledge button big enough for a thumb', async () => {
    await tablet.locator('[data-tab=alarms]').tap();
    const row = tablet.locator(`[data-testid=alarm-row][data-id="${incident.id}"]`);
    await row.waitFor({ timeout: ALARM_TIMEOUT_MS });
    const button = tablet.locator(`[data-testid=alarm-ack][data-id="${incident.id}"]`);
    const box = await button.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(box?.width).toBeGreaterThanOrEqual(44);
    await tablet.screenshot({ path: screenshotPath('tablet-alarm-list-1024x768.png') });
  });

  it('stops the alarm on both walls when the leader taps 确认, as one acknowledgement in the log', async () => {
    const keys: string[] = [];
    tablet.on('request', (request) => request.url().endsWith('/alarm-ack') && keys.push(request.headers()['idempotency-key'] ?? ''));
    await tablet.locator(`[data-testid=alarm-ack][data-id="${incident.id}"]`).tap();
    await tablet.locator(`[data-testid=alarm-row][data-id="${incident.id}"]`).waitFor({ state: 'detached', timeout: ALARM_TIMEOUT_MS });
    for (const { page } of [...walls, drilled, keeper]) {
      await page.locator(card(incident.id)).waitFor({ state: 'detached', timeout: ALARM_TIMEOUT_MS });
      await expect.poll(() => flashing(page, incident.id), { timeout: ALARM_TIMEOUT_MS }).toBe(false);
    }
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^tablet-/);
    const page = (await (await fetch(`${server!.origin}/api/v1/events?after=0`, { headers: bearerFor('operator') })).json()) as EventsPage;
    const acks = page.events.filter((e) => e.type === 'incident:alarmAcknowledged');
    expect(acks.map((e) => e.payload)).toEqual([{ incidentId: incident.id, by: 'street' }]);
  });

  it('takes each wall back to the whole county once the alarm it flew to is over', async () => {
    for (const [i, { page }] of walls.entries()) {
      await page.waitForFunction(
        (zoom) => !window.__jinlin!.map.isMoving() && window.__jinlin!.map.getZoom() < zoom + 1,
        countyZoom[i] ?? 0,
        { timeout: ALARM_TIMEOUT_MS, polling: 250 },
      );
      await page.screenshot({ path: screenshotPath(`wall-alarm-acknowledged-${i + 1}-960x540.png`) });
    }
  });

  it('takes the drilled wall back to its own community, which it never left', async () => {
    const { page } = drilled;
    await page.waitForFunction(
      ({ lng, lat }) => !window.__jinlin!.map.isMoving() && window.__jinlin!.map.getBounds().contains([lng, lat]),
      { lng: community.lng, lat: community.lat },
      { timeout: ALARM_TIMEOUT_MS, polling: 250 },
    );
    expect(await page.evaluate(() => window.__jinlin!.scope)).toBe(community.code);
  });

  it('reports no errors on any screen', () => {
    for (const { errors } of [...walls, drilled, keeper, operated, panned]) expect(errors).toEqual([]);
    expect(tabletErrors).toEqual([]);
  });
});
