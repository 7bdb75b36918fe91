import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import { openMapPage, type MapPage } from './harness/openMapPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { ROUTES } from '../../shared/contract/http';

const WIDTH_PX = 1920;
const HEIGHT_PX = 1080;

describe('the county map on a 1920×1080 screen', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screen: MapPage;

  /** Distinct codes of the features drawn by the given layers in the current view. */
  const renderedCodes = (layers: string[]): Promise<string[]> =>
    screen.page.evaluate((layerIds) => {
      const map = window.__jinlin!.map;
      const features = map.queryRenderedFeatures({ layers: layerIds });
      return [...new Set(features.map((feature) => String(feature.properties.code)))];
    }, layers);

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([startServer({ env: { SIMULATOR: 'off' } }), launchBrowser()]);
    screen = await openMapPage(browser, server.origin, { width: WIDTH_PX, height: HEIGHT_PX });
    console.log(`county map drawn and idle ${screen.readyMs} ms after navigation`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws with a WebGL2 context', async () => {
    // getContext returns the canvas's existing context of that kind, or null if it has another kind.
    const isWebGl2 = await screen.page.evaluate(() => window.__jinlin!.map.getCanvas().getContext('webgl2') !== null);
    expect(isWebGl2).toBe(true);
  });

  it('renders at native resolution, one canvas pixel per device pixel', async () => {
    // The map sits in the wall's centre panel: its backing store must match that box × devicePixelRatio
    // (no CSS scaling of the canvas, so clicks land where they are drawn).
    const canvas = await screen.page.evaluate(() => {
      const element = window.__jinlin!.map.getCanvas();
      const box = element.getBoundingClientRect();
      return { width: element.width, height: element.height, boxWidth: box.width, boxHeight: box.height, ratio: window.devicePixelRatio };
    });
    expect(canvas.boxWidth).toBeGreaterThan(WIDTH_PX / 3);
    expect(canvas.width).toBe(Math.round(canvas.boxWidth * canvas.ratio));
    expect(canvas.height).toBe(Math.round(canvas.boxHeight * canvas.ratio));
  });

  it('outlines Minhou county', async () => {
    expect(await renderedCodes(['county-line'])).toEqual(['350121']);
  });

  it('draws the generated communities inside the county', async () => {
    const communities = await renderedCodes(['community-fill']);
    expect(communities.length).toBeGreaterThanOrEqual(40);
    expect(communities.every((code) => code.startsWith('350121') && code.length === 12)).toBe(true);
  });

  it('labels the streets with their Chinese names', async () => {
    const names = await screen.page.evaluate(() =>
      window.__jinlin!.map.queryRenderedFeatures({ layers: ['street-label'] }).map((f) => String(f.properties.name)),
    );
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names.every((name) => /^[\u4e00-\u9fff]+$/u.test(name))).toBe(true);
  });

  it('dims the neighbouring districts around the county', async () => {
    expect((await renderedCodes(['context-fill'])).length).toBeGreaterThanOrEqual(5);
  });

  it('never asks any other host for anything', () => {
    expect(screen.requests.urls.length).toBeGreaterThan(0);
    expect(screen.requests.offOrigin()).toEqual([]);
  });

  it('reports no errors in the page', () => {
    expect(screen.errors).toEqual([]);
  });

  it('looks right in a screenshot', async () => {
    const path = screenshotPath(`county-map-${WIDTH_PX}x${HEIGHT_PX}.png`);
    await screen.page.screenshot({ path });
    console.log(`screenshot: ${path}`);
  });
  it('draws the county even when its outlines arrive after the map has loaded its style', async () => {
    // A big county or a slow link: the outlines come after MapLibre's `load` has fired. A wall that
    // only then asked to hear of `load` would wait for it for ever, blank.
    const context = await browser!.newContext({ viewport: { width: WIDTH_PX, height: HEIGHT_PX } });
    try {
      const page = await context.newPage();
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      await context.route(`**${ROUTES.regions}?*`, async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(server!.origin);
      await page.waitForFunction(() => window.__jinlin?.map.loaded() === true, null, { polling: 100 });
      release();
      await page.waitForFunction(() => window.__jinlin!.ready.then(() => true), null, { timeout: 60_000 });
      const drawn = await page.evaluate(() => window.__jinlin!.map.queryRenderedFeatures({ layers: ['community-fill'] }).length);
      expect(drawn).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
