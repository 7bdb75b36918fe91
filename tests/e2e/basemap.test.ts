import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../../shared/logic/geo/gcj02';
import { BASEMAP_PLACE_NAMES, MOTORWAY, buildCountyBasemap } from './fixtures/basemap/buildCountyBasemap';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';

const WIDTH_PX = 3840;
const HEIGHT_PX = 2160;
// A 4K wall on a software renderer, on a CI machine busy with other suites, takes minutes to come up.
const TIMEOUT_MS = 600_000;

describe('a wall over an offline PMTiles basemap (BASEMAP=county.pmtiles), 3840×2160', { timeout: TIMEOUT_MS }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'jinlin-basemap-e2e-'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let wall: MapPage;

  /** What the basemap's style layers draw in the current view: source layer and name of each feature. */
  const renderedBasemap = (): Promise<Array<{ layer: string; sourceLayer: string; name: string | null }>> =>
    wall.page.evaluate(() => {
      const map = window.__jinlin!.map;
      const layers = map.getStyle().layers.filter((layer) => layer.id.startsWith('basemap-') && layer.id !== 'basemap-mask').map((layer) => layer.id);
      return map.queryRenderedFeatures({ layers }).map((feature) => ({
        layer: feature.layer.id,
        sourceLayer: feature.sourceLayer ?? '',
        name: typeof feature.properties.name === 'string' ? feature.properties.name : null,
      }));
    });

  beforeAll(async () => {
    ensureClientBuilt();
    const file = join(dir, 'county.pmtiles');
    writeFileSync(file, buildCountyBasemap());
    [server, browser] = await Promise.all([startServer({ env: { SIMULATOR: 'off', BASEMAP: file } }), launchBrowser()]);
    wall = await openWallPage(browser, server.origin, { width: WIDTH_PX, height: HEIGHT_PX, path: '/?layout=16x9&motion=still', startTimeoutMs: 300_000 });
    const zoom = await wall.page.evaluate(() => window.__jinlin!.map.getZoom());
    console.log(`wall with basemap drawn and idle ${wall.readyMs} ms after navigation, at zoom ${zoom.toFixed(2)}`);
  }, TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reaches map idle with the basemap drawn under every region, heat and marker layer', async () => {
    const order = await wall.page.evaluate(() => window.__jinlin!.map.getStyle().layers.map((layer) => layer.id));
    const lastBasemap = Math.max(...order.map((id, i) => (id.startsWith('basemap-') ? i : -1)));
    expect(lastBasemap).toBeGreaterThan(0);
    expect(order[0]).toBe('background');
    for (const id of ['street-fill', 'county-line', 'street-label']) expect(order.indexOf(id)).toBeGreaterThan(lastBasemap);
    expect(order.filter((id) => /heat|marker/.test(id)).every((id) => order.indexOf(id) > lastBasemap)).toBe(true);
  });

  it('shows the roads, the river and the Chinese place names of the basemap', async () => {
    const rendered = await renderedBasemap();
    const layers = new Set(rendered.map((feature) => feature.layer));
    for (const layer of ['basemap-motorway', 'basemap-primary', 'basemap-secondary', 'basemap-waterway', 'basemap-place-label']) expect(layers).toContain(layer);
    const placeNames = new Set(rendered.filter((feature) => feature.layer === 'basemap-place-label').map((feature) => feature.name));
    expect(BASEMAP_PLACE_NAMES.filter((name) => placeNames.has(name)).length).toBeGreaterThanOrEqual(2);
    await wall.page.screenshot({ path: screenshotPath('wall-basemap-3840x2160.png'), timeout: TIMEOUT_MS / 2 });
    // And the map's centre at full size, where the roads cross the county seat.
    const box = await wall.page.evaluate(() => {
      const rect = window.__jinlin!.map.getCanvas().getBoundingClientRect();
      return { x: rect.x + rect.width / 4, y: rect.y + rect.height / 4, width: rect.width / 2, height: rect.height / 2 };
    });
    await wall.page.screenshot({ path: screenshotPath('wall-basemap-3840x2160-centre.png'), clip: box, timeout: TIMEOUT_MS / 2 });
  });

  it('never draws the national and provincial boundaries the tiles carry', async () => {
    const rendered = await renderedBasemap();
    expect(rendered.filter((feature) => feature.sourceLayer === 'boundary')).toEqual([]);
    const boundaryLayers = await wall.page.evaluate(() =>
      window.__jinlin!.map.getStyle().layers.filter((layer) => 'source-layer' in layer && layer['source-layer'] === 'boundary').map((layer) => layer.id),
    );
    expect(boundaryLayers).toEqual([]);
  });

  it('moves the WGS-84 tiles onto the GCJ-02 display: the motorway lies where its GCJ-02 position is, not its raw one', async () => {
    const [lng, lat] = MOTORWAY[1] as [number, number];
    const hitsAt = (at: [number, number]) =>
      wall.page.evaluate((lngLat) => {
        const map = window.__jinlin!.map;
        const { x, y } = map.project(lngLat);
        return map.queryRenderedFeatures([[x - 3, y - 3], [x + 3, y + 3]], { layers: ['basemap-motorway'] }).length;
      }, at);
    expect(await hitsAt(wgs84ToGcj02(lng, lat))).toBeGreaterThan(0);
    expect(await hitsAt([lng, lat])).toBe(0);
  });

  it('asks nothing of any host but its own, and reads the basemap by range requests from it', () => {
    expect(wall.requests.offOrigin()).toEqual([]);
    expect(wall.requests.urls.some((url) => url === `${server!.origin}/basemap/tiles.pmtiles`)).toBe(true);
  });

  it('reports no errors in the page', () => {
    expect(wall.errors).toEqual([]);
  });
});
