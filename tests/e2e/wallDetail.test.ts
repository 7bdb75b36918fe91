import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportIncidentBody } from '../../shared/contract/http';
import type { Incident } from '../../shared/domain/incident';
import { maskName } from '../../shared/logic/masking';
import { labelPointsOf } from '../../client/map/regions/labelPointsOf';
import { INCIDENT_STATUS_COLOURS } from '../../client/map/style/palette';
import type {} from '../../client/jinlinTestHook';
import { findPersonalData } from '../shared/logic/privacy/findPersonalData';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { fetchRegions } from './harness/fetchRegions';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { bearerFor, COUNTY_CODE, E2E_AUTH_SECRET, tokenFor } from './harness/wallTokens';

const WIDTH_PX = 1920;
const HEIGHT_PX = 1080;
const SETUP_TIMEOUT_MS = 360_000;
const TEST_TIMEOUT_MS = 180_000;
/** The promise: the card is up within a second of the click. */
const CARD_WITHIN_MS = 1000;
const CARD = '[data-testid=detail-card]';

/** A name no generator would pick, with a phone and an id number, all repeated in the description. */
const RESIDENT = { name: '甯骁翀', phone: '13712340581', idNumber: '350121198003152417' };

interface PagePoint {
  x: number;
  y: number;
}

/** Where on the page a marker of `layer` with this id is drawn, if it is drawn and nothing covers it. */
const markerPoint = (page: Page, layer: string, id: string): Promise<PagePoint | null> =>
  page.evaluate(
    ({ layer, id }) => {
      const map = window.__jinlin!.map;
      const feature = map.queryRenderedFeatures({ layers: [layer] }).find((f) => String(f.properties.id) === id);
      if (!feature || feature.geometry.type !== 'Point') return null;
      const at = map.project(feature.geometry.coordinates as [number, number]);
      const canvas = map.getCanvas().getBoundingClientRect();
      const point = { x: canvas.left + at.x, y: canvas.top + at.y };
      return document.elementFromPoint(point.x, point.y) === map.getCanvas() ? point : null;
    },
    { layer, id },
  );

/** A drawn station marker a click picks (no incident marker nearer), uncovered, and its id. */
const lonelyStation = (page: Page): Promise<(PagePoint & { id: string }) | null> =>
  page.evaluate(() => {
    const map = window.__jinlin!.map;
    const canvas = map.getCanvas().getBoundingClientRect();
    for (const feature of map.queryRenderedFeatures({ layers: ['station-markers'] })) {
      if (feature.geometry.type !== 'Point') continue;
      const at = map.project(feature.geometry.coordinates as [number, number]);
      const picked = window.__jinlin!.clickAt(at.x, at.y)?.marker;
      if (picked?.kind !== 'station' || picked.id !== String(feature.properties.id)) continue;
      const point = { x: canvas.left + at.x, y: canvas.top + at.y };
      if (document.elementFromPoint(point.x, point.y) === map.getCanvas()) return { ...point, id: picked.id };
    }
    return null;
  });

/**
 * A point where a click drills into one of the candidate regions rather than pick a marker (the map's
 * own clickAt says), with nothing over the map there: around each region's label point, since a
 * community's service centre sits right at its heart. Also says whether a grid is drawn under it (a
 * click there used to skip the compound for the grid).
 */
const drillPoint = (page: Page, candidates: ReadonlyArray<{ code: string; lngLat: [number, number] }>) =>
  page.evaluate((points) => {
    const map = window.__jinlin!.map;
    const canvas = map.getCanvas().getBoundingClientRect();
    const offsets: Array<[number, number]> = [[0, 0]];
    for (const radius of [16, 28, 40]) for (let turn = 0; turn < 8; turn += 1) offsets.push([radius * Math.cos((turn * Math.PI) / 4), radius * Math.sin((turn * Math.PI) / 4)]);
    const skipped: Record<string, number> = {};
    for (const { code, lngLat } of points) {
      const centre = map.project(lngLat);
      for (const [dx, dy] of offsets) {
        const x = centre.x + dx;
        const y = centre.y + dy;
        if (x < 40 || y < 40 || x > canvas.width - 40 || y > canvas.height - 40) continue;
        const click = window.__jinlin!.clickAt(x, y);
        const why = !click ? 'no map' : click.marker ? 'marker' : click.drill !== code ? 'elsewhere' : null;
        const covered = document.elementFromPoint(canvas.left + x, canvas.top + y) !== map.getCanvas();
        if (why || covered) {
          skipped[why ?? 'covered'] = (skipped[why ?? 'covered'] ?? 0) + 1;
          continue;
        }
        return { code, x: canvas.left + x, y: canvas.top + y, gridUnder: map.queryRenderedFeatures([x, y], { layers: ['grid-fill'] }).length > 0 };
      }
    }
    throw new Error(`no point drills into one of ${points.length} regions: ${JSON.stringify(skipped)}, zoom ${map.getZoom()}, scope ${window.__jinlin!.scope}`);
  }, candidates);

/**
 * Clicks where a click drills into one of the candidates and waits for the drill. A live county may
 * draw a new incident there between the look and the click (that click opens its card instead): then
 * the card is closed and another point tried.
 */
const drillBy = async (page: Page, candidates: ReadonlyArray<{ code: string; lngLat: [number, number] }>) => {
  for (let attempt = 1; ; attempt += 1) {
    const target = await drillPoint(page, candidates);
    await page.mouse.click(target.x, target.y);
    const drilled = await page
      // A loaded CI machine can take seconds to hand a click to the page: each try waits ten.
      .waitForFunction((code) => window.__jinlin!.drills.includes(code), target.code, { timeout: 10_000 })
      .then(() => true, () => false);
    if (drilled) return target;
    if (attempt === 4) throw new Error(`four clicks did not drill into ${target.code}`);
    await page.keyboard.press('Escape');
  }
};

/** The regions of a level (inside `within`) as drill candidates: their codes and label points. */
const candidatesOf = async (origin: string, level: string, within?: string) =>
  labelPointsOf(await fetchRegions(origin, level, within ? { within } : {})).features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    lngLat: f.geometry.coordinates as [number, number],
  }));

const cardText = (page: Page): Promise<string> => page.locator(CARD).innerText();

/**
 * Clicks a point and says how long after the click the card of `kind` was in the page, by the page's
 * own clock: from the pointer going down (the input's own timestamp, so time spent waiting for a busy
 * main thread counts) to the card's insertion, seen by a MutationObserver.
 */
const clickForCard = async (page: Page, point: PagePoint, kind: string): Promise<number> => {
  await page.evaluate((selector) => {
    const probe = { downAt: 0, cardAt: 0 };
    Object.assign(window, { __cardProbe: probe });
    document.addEventListener('pointerdown', (event) => (probe.downAt = event.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (probe.downAt === 0 || !document.querySelector(selector)) return;
      probe.cardAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  }, `${CARD}[data-kind=${kind}]`);
  await page.mouse.click(point.x, point.y);
  await page.waitForSelector(`${CARD}[data-kind=${kind}]`, { timeout: 10_000 });
  await page.waitForFunction(() => (window as unknown as { __cardProbe: { cardAt: number } }).__cardProbe.cardAt > 0);
  return page.evaluate(() => {
    const { downAt, cardAt } = (window as unknown as { __cardProbe: { downAt: number; cardAt: number } }).__cardProbe;
    return Math.round(cardAt - downAt);
  });
};

describe('detail on demand: a click on the wall map opens the card of what was clicked, masked on a display wall', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let wall: MapPage;
  let incident: Incident;

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([
      startServer({ env: { SIMULATOR: 'on', SIM_WARMUP_HOURS: '1', AUTH_SECRET: E2E_AUTH_SECRET } }),
      launchBrowser(),
    ]);
    // A display token, as a wall in a public hall has; it keeps its view (no alarm flights) and holds pulses still.
    const path = `/?token=${tokenFor('display')}&alarmFlights=off&motion=still`;
    wall = await openWallPage(browser, server.origin, { width: WIDTH_PX, height: HEIGHT_PX, path, startTimeoutMs: 300_000 });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens an incident’s card within a second of a click on its marker, with no phone, id number or full name', async () => {
    const grid = labelPointsOf(await fetchRegions(server!.origin, 'grid')).features[0]!;
    const body: ReportIncidentBody = {
      category: 'dispute',
      source: 'hotline',
      priority: 'urgent',
      description: `${RESIDENT.name}反映邻居噪音扰民，联系电话${RESIDENT.phone}，身份证${RESIDENT.idNumber}，住阳光小区5栋301室`,
      lng: grid.geometry.coordinates[0]!,
      lat: grid.geometry.coordinates[1]!,
      gridCode: grid.properties.code,
      reporter: { name: RESIDENT.name, phone: RESIDENT.phone, idNumber: RESIDENT.idNumber },
    };
    const response = await fetch(`${server!.origin}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearerFor('operator') },
      body: JSON.stringify(body),
    });
    incident = (await response.json()) as Incident;
    expect(response.status, JSON.stringify(incident)).toBe(201);
    // Its compound fills the screen: the marker stands apart from the county's other dots.
    await wall.page.evaluate((code) => {
      window.__jinlin!.flyToRegion(code);
      return window.__jinlin!.idle();
    }, grid.properties.code.slice(0, 15));
    await wall.page.waitForFunction((id) => window.__jinlin!.map.queryRenderedFeatures({ layers: ['incident-markers'] }).some((f) => f.properties.id === id), incident.id, {
      timeout: 60_000,
      polling: 250,
    });
    await wall.page.evaluate(() => window.__jinlin!.idle());
    const point = await markerPoint(wall.page, 'incident-markers', incident.id);
    expect(point, 'our marker is drawn and uncovered').not.toBeNull();

    const tookMs = await clickForCard(wall.page, point!, 'incident');
    console.log(`incident card on screen ${tookMs} ms after the click`);
    expect(tookMs).toBeLessThan(CARD_WITHIN_MS);
    const text = await cardText(wall.page);
    expect(text).toContain('矛盾纠纷');
    expect(text).toContain('待受理');
    expect(text).toContain('紧急');
    expect(text).toContain('办理时限');
    // The server scrubbed the description for this audience: the name masked, the numbers gone.
    expect(text).toContain(`${maskName(RESIDENT.name)}反映`);
    expect(findPersonalData('detail card', text, [RESIDENT.name])).toEqual([]);
    // The status chip wears the map's lifecycle colour.
    const chip = await wall.page.locator('[data-testid=detail-status]').evaluate((el) => getComputedStyle(el).backgroundColor);
    const hex = INCIDENT_STATUS_COLOURS.reported;
    expect(chip).toBe(`rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`);
    // A marker click opens the card and does not drill.
    expect(await wall.page.evaluate(() => window.__jinlin!.drills.length)).toBe(0);
    await wall.page.screenshot({ path: screenshotPath(`wall-detail-incident-${WIDTH_PX}x${HEIGHT_PX}.png`) });
  }, TEST_TIMEOUT_MS);

  it('has the focus on its close button and closes by Escape, by the button (Enter) and by a click elsewhere', async () => {
    const page = wall.page;
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=detail-card]') != null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector(CARD, { state: 'detached', timeout: 5000 });

    const point = (await markerPoint(page, 'incident-markers', incident.id))!;
    await clickForCard(page, point, 'incident');
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid=detail-card]') != null);
    await page.keyboard.press('Enter');
    await page.waitForSelector(CARD, { state: 'detached', timeout: 5000 });

    await clickForCard(page, point, 'incident');
    await page.mouse.click(WIDTH_PX - 20, HEIGHT_PX - 20);
    await page.waitForSelector(CARD, { state: 'detached', timeout: 5000 });
  }, TEST_TIMEOUT_MS);

  it('opens the card from the keyboard too: with the map focused, Enter clicks the middle of its open part', async () => {
    const page = wall.page;
    await page.evaluate(({ lng, lat }) => {
      window.__jinlin!.map.jumpTo({ center: [lng, lat] });
      window.__jinlin!.map.getCanvas().focus();
      return window.__jinlin!.idle();
    }, incident.location);
    const centred = await page.evaluate(() => {
      const map = window.__jinlin!.map;
      const centre = map.project(map.getCenter());
      return window.__jinlin!.clickAt(centre.x, centre.y)?.marker;
    });
    expect(centred).toEqual({ kind: 'incident', id: incident.id });
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${CARD}[data-kind=incident]`, { timeout: 5000 });
    expect(await cardText(page)).toContain('矛盾纠纷');
    await page.keyboard.press('Escape');
    await page.waitForSelector(CARD, { state: 'detached', timeout: 5000 });
  }, TEST_TIMEOUT_MS);

  it('opens a station’s card: type, status and opening hours, no member on duty', async () => {
    const community = incident.regionPath[2]!;
    await wall.page.evaluate((code) => {
      window.__jinlin!.flyToRegion(code);
      return window.__jinlin!.idle();
    }, community);
    const station = await lonelyStation(wall.page);
    expect(station, 'a station a click picks in the community').not.toBeNull();
    const tookMs = await clickForCard(wall.page, station!, 'station');
    console.log(`station card on screen ${tookMs} ms after the click`);
    expect(tookMs).toBeLessThan(CARD_WITHIN_MS);
    const text = await cardText(wall.page);
    expect(text).toContain('开放时间');
    expect(text).toContain('类型');
    expect(findPersonalData('station card', text)).toEqual([]);
    await wall.page.screenshot({ path: screenshotPath(`wall-detail-station-${WIDTH_PX}x${HEIGHT_PX}.png`) });
    await wall.page.keyboard.press('Escape');
    await wall.page.waitForSelector(CARD, { state: 'detached', timeout: 5000 });
  }, TEST_TIMEOUT_MS);

  it('drills from the county into a community, and from the community into a compound, not past it to a grid', async () => {
    const page = wall.page;
    await page.evaluate((code) => {
      window.__jinlin!.flyToRegion(code);
      return window.__jinlin!.idle();
    }, COUNTY_CODE);
    const community = await drillBy(page, await candidatesOf(server!.origin, 'community'));
    await page.waitForSelector(`${CARD}[data-kind=region]`, { timeout: 10_000 });
    await page.waitForFunction((code) => window.__jinlin!.scope === code, community.code, { timeout: 60_000 });
    await page.evaluate(() => window.__jinlin!.idle());

    const compounds = await candidatesOf(server!.origin, 'compound', community.code);
    const compound = await drillBy(page, compounds);
    console.log(`clicked compound ${compound.code} of ${community.code}; a grid is drawn under it: ${compound.gridUnder}`);
    await page.waitForFunction((code) => window.__jinlin!.scope === code, compound.code, { timeout: 60_000 });
    expect(await page.evaluate(() => window.__jinlin!.drills.at(-1))).toBe(compound.code);
    // The region's card names it, with its figures.
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid=detail-card][data-kind=region]')?.textContent?.includes(name) === true,
      compounds.find((candidate) => candidate.code === compound.code)!.name,
      { timeout: 10_000 },
    );
    expect(await cardText(page)).toContain('待办事件');
    await page.evaluate(() => window.__jinlin!.idle());
    await page.screenshot({ path: screenshotPath(`wall-detail-compound-${WIDTH_PX}x${HEIGHT_PX}.png`) });
  }, TEST_TIMEOUT_MS);

  it('logged no page errors', () => {
    expect(wall.errors).toEqual([]);
  });
});
