import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../client/jinlinTestHook';
import { LAYER_TOGGLES, MAP_LAYER_REGISTRY } from '../../client/map/layers/index';
import { shapeSource } from '../../client/map/regions/regionSources';
import type { HeatPoints } from '../../shared/contract/heat';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { fetchRegions } from './harness/fetchRegions';
import { launchBrowser } from './harness/launchBrowser';
import { openWallPage } from './harness/openWallPage';
import type { MapPage } from './harness/openMapPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { E2E_AUTH_SECRET, bearerFor, tokenFor } from './harness/wallTokens';

const WAIT_MS = 60_000;
const INCIDENT_HEAT_SOURCE = 'incident-heat';

/** The style layers each switch shows and hides: its own and those that follow it (the pulses go with the markers). */
const styleLayersOf = (toggle: string): string[] =>
  MAP_LAYER_REGISTRY.filter((layer) => layer.toggle?.id === toggle || layer.follows === toggle).flatMap((layer) =>
    Object.values(layer.styleLayers).flatMap((layers) => (layers ?? []).map((spec) => spec.id)),
  );

const visibilityOf = (page: Page, ids: readonly string[]): Promise<string[]> =>
  page.evaluate((layerIds) => layerIds.map((id) => String(window.__jinlin!.map.getLayoutProperty(id, 'visibility') ?? 'visible')), [...ids]);

const waitForVisibility = (page: Page, ids: readonly string[], on: boolean): Promise<unknown> =>
  page.waitForFunction(
    ({ layerIds, want }) => layerIds.every((id) => (window.__jinlin!.map.getLayoutProperty(id, 'visibility') ?? 'visible') === want),
    { layerIds: [...ids], want: on ? 'visible' : 'none' },
    { timeout: WAIT_MS, polling: 200 },
  );

/** The ids of the features the incident heat source holds now. */
const heatIds = (page: Page): Promise<string[]> =>
  page.evaluate(async (sourceId) => {
    const source = window.__jinlin!.map.getSource(sourceId) as unknown as { getData(): Promise<{ features: { properties: { id: string } }[] }> };
    return (await source.getData()).features.map((feature) => String(feature.properties.id));
  }, INCIDENT_HEAT_SOURCE);

/** Whether the heat source holds the server's points: they carry no incident id, only a place and a weight. */
const fromServer = async (page: Page): Promise<boolean> => {
  const ids = await heatIds(page);
  return ids.length > 0 && ids.every((id) => /^h\d+$/.test(id));
};

/** The source's data is read back from MapLibre's worker (a promise): waited on from here, by polling it. */
const POLL = { timeout: WAIT_MS, interval: 500 };

const query = (page: Page): Promise<Record<string, string>> => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));

/** The choropleth metric the map holds on each of these communities (feature-state). */
const metrics = (page: Page, codes: readonly string[]): Promise<(number | null)[]> =>
  page.evaluate(
    ({ source, ids }) => ids.map((id) => (window.__jinlin!.map.getFeatureState({ source, id }).metric as number | undefined) ?? null),
    { source: shapeSource('community'), ids: [...codes] },
  );

describe('the legend and controls on the wall: every switch changes the map and the URL, and a reload restores them', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let wall: MapPage;
  let communities: string[] = [];
  let compounds: string[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    // A day and a bit of history, so the 7-day heat holds incidents the 24-hour heat does not.
    [server, browser] = await Promise.all([
      startServer({ env: { SIMULATOR: 'on', SIM_WARMUP_HOURS: '28', SIM_RATE: '1', AUTH_SECRET: E2E_AUTH_SECRET } }),
      launchBrowser(),
    ]);
    communities = (await fetchRegions(server.origin, 'community', { headers: bearerFor('display') })).features.map((f) => String(f.properties.code));
    compounds = (await fetchRegions(server.origin, 'compound', { headers: bearerFor('display') })).features.map((f) => String(f.properties.code));
    wall = await openWallPage(browser, server.origin, {
      width: 1920,
      height: 1080,
      path: `/?alarmFlights=off&token=${tokenFor('display')}`,
      startTimeoutMs: 240_000,
    });
  }, 420_000);

  afterAll(async () => {
    await wall?.context.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows a small button until asked, then the panel, and says so in the URL', async () => {
    const { page } = wall;
    const button = await page.waitForSelector('[data-overlay=legend] [data-testid=legend-open]', { timeout: WAIT_MS });
    const box = (await button.boundingBox())!;
    expect(box.width * box.height).toBeLessThan(200 * 60);
    await button.click();
    await page.waitForSelector('[data-testid=legend-panel]', { timeout: WAIT_MS });
    expect(await query(page)).toMatchObject({ legend: 'open' });
    // Every switch of the layer registry is on the panel.
    const listed = await page.$$eval('[data-legend-section=layers] [data-layer]', (els) => els.map((el) => el.getAttribute('data-layer')));
    expect(listed).toEqual(LAYER_TOGGLES.map((toggle) => toggle.id));
  });

  it.each(LAYER_TOGGLES.map((toggle) => toggle.id))('switches %s off and on again on the map and in the URL', async (layer) => {
    const { page } = wall;
    const ids = styleLayersOf(layer);
    expect(ids.length).toBeGreaterThan(0);
    const control = page.locator(`[data-legend-section=layers] [data-layer=${layer}]`);
    const wasOn = (await control.getAttribute('aria-checked')) === 'true';
    await control.click();
    await waitForVisibility(page, ids, !wasOn);
    expect((await query(page)).layers?.split(',').includes(layer)).toBe(!wasOn);
    await control.click();
    await waitForVisibility(page, ids, wasOn);
    expect((await query(page)).layers?.split(',').includes(layer)).toBe(wasOn);
  });

  it('widens the incident heat from 24 hours to 7 days, and reads 30 days from the server', async () => {
    const { page } = wall;
    await waitForVisibility(page, styleLayersOf('incidentHeat'), true);
    const day = (await heatIds(page)).length;
    await page.locator('[data-heat-window="7d"]').click();
    await expect.poll(async () => (await heatIds(page)).length, POLL).toBeGreaterThan(day);
    const week = (await heatIds(page)).length;
    expect(await query(page)).toMatchObject({ heat: '7d' });

    await page.locator('[data-heat-window="30d"]').click();
    // The server's points replace the wall's own.
    await expect.poll(() => fromServer(page), POLL).toBe(true);
    const served = (await (await fetch(`${server!.origin}/api/v1/heat?window=30d`, { headers: bearerFor('display') })).json()) as HeatPoints;
    const drawn = (await heatIds(page)).length;
    console.log(`incident heat: ${day} features over 24 h, ${week} over 7 d, ${drawn} drawn of the server's ${served.points.length} over 30 d`);
    expect(drawn).toBeGreaterThanOrEqual(week);
    // The same answer, give or take what the simulator reported since the wall asked.
    expect(Math.abs(served.points.length - drawn)).toBeLessThanOrEqual(Math.max(5, served.points.length * 0.05));
    expect(await query(page)).toMatchObject({ heat: '30d' });
  });

  it('paints the chosen KPI on the communities with its graduated legend, and none when none is chosen', async () => {
    const { page } = wall;
    const fills = ['choropleth-community', 'choropleth-compound', 'choropleth-grid'];
    await waitForVisibility(page, fills, false);
    await page.locator('[data-kpi=overdueRate]').click();
    await waitForVisibility(page, fills, true);
    await page.waitForFunction(
      ({ source, ids }) => ids.some((id) => typeof window.__jinlin!.map.getFeatureState({ source, id }).metric === 'number'),
      { source: shapeSource('community'), ids: communities },
      { timeout: WAIT_MS, polling: 250 },
    );
    const overdue = await metrics(page, communities);
    expect(await page.locator('[data-testid=legend-grades] li').count()).toBe(5);
    expect(await query(page)).toMatchObject({ kpi: 'overdueRate' });

    await page.locator('[data-kpi=openPerThousandHouseholds]').click();
    await page.waitForFunction(
      ({ source, ids, before }) => ids.some((id, i) => window.__jinlin!.map.getFeatureState({ source, id }).metric !== before[i]),
      { source: shapeSource('community'), ids: communities, before: overdue },
      { timeout: WAIT_MS, polling: 250 },
    );
    expect(await query(page)).toMatchObject({ kpi: 'openPerThousandHouseholds' });
    expect(await page.locator('[data-testid=legend-grades] li').last().textContent()).toContain('≥10');
  });

  it('names the compounds the service circles leave out while the circles show', async () => {
    const { page } = wall;
    await page.locator('[data-legend-section=layers] [data-layer=serviceCircles]').click();
    await waitForVisibility(page, styleLayersOf('serviceCircles'), true);
    const heading = page.locator('[data-legend-section=coverage] h3');
    await heading.waitFor({ timeout: WAIT_MS });
    // The panel lists names (capped with "+N") or says every compound is covered.
    await page.waitForFunction(() => document.querySelector('[data-legend-section=coverage] li, [data-legend-section=coverage] p') !== null, null, { timeout: WAIT_MS });
    // As many as the map tints (feature-state `underserved` on the compounds).
    const tinted = await page.evaluate(
      ({ source, ids }) => ids.filter((id) => window.__jinlin!.map.getFeatureState({ source, id }).underserved === true).length,
      { source: shapeSource('compound'), ids: compounds },
    );
    expect(Number(await page.locator('[data-legend-section=coverage]').getAttribute('data-gap-count'))).toBe(tinted);
    await wall.page.evaluate(() => window.__jinlin!.idle());
    await page.screenshot({ path: screenshotPath('wall-legend-open-1920x1080.png') });
    expect((await query(page)).layers?.split(',')).toContain('serviceCircles');
  });

  it('reopens the same way after a reload: panel open, layers, heat window and KPI as the operator left them', async () => {
    const { page } = wall;
    const before = await query(page);
    const layerStates = await Promise.all(LAYER_TOGGLES.map(async (toggle) => visibilityOf(page, styleLayersOf(toggle.id))));
    await page.reload();
    await page.waitForFunction(() => window.__jinlin?.kpis?.() != null, null, { timeout: 120_000, polling: 250 });
    await page.evaluate(() => window.__jinlin!.idle());
    await page.waitForSelector('[data-testid=legend-panel]', { timeout: WAIT_MS });
    expect(await query(page)).toEqual(before);
    for (const [i, toggle] of LAYER_TOGGLES.entries()) await waitForVisibility(page, styleLayersOf(toggle.id), layerStates[i]!.every((v) => v === 'visible'));
    expect(await page.locator('[data-heat-window="30d"]').getAttribute('aria-checked')).toBe('true');
    expect(await page.locator('[data-kpi=openPerThousandHouseholds]').getAttribute('aria-checked')).toBe('true');
    await waitForVisibility(page, ['choropleth-community'], true);
    await expect.poll(() => fromServer(page), POLL).toBe(true);
    expect(wall.errors).toEqual([]);
  });
});
