import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../shared/domain/incident';
import { labelPointsOf } from '../../client/map/regions/labelPointsOf';
import { LIVE_LAYER_IDS } from '../../client/map/layers/index';
import { LIVE_SOURCES } from '../../client/map/layers/index';
import { clickableRegionPoint } from './harness/clickableRegionPoint';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { fetchRegions } from './harness/fetchRegions';
import { launchBrowser } from './harness/launchBrowser';
import { openMapPage, type MapPage } from './harness/openMapPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { bearerFor, E2E_AUTH_SECRET } from './harness/wallTokens';
import { DEFAULT_RENDER_BUDGET } from '../../client/map/engine/renderBudget';

const WIDTH_PX = 1920;
const HEIGHT_PX = 1080;
/** SwiftShader draws a busy wall at a frame or two a second on a loaded CI machine: settling takes a while. */
const SETUP_TIMEOUT_MS = 360_000;


describe('the wall map with live data on a 1920×1080 screen', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screen: MapPage;

  /** Pushes the server's current county snapshot into the map, as the composer does from the store, and waits for it to be drawn. */
  const pushSnapshot = () =>
    screen.page.evaluate(async () => {
      const response = await fetch('/api/v1/snapshot');
      window.__jinlin!.setMapData(await response.json());
      await window.__jinlin!.idle();
    });

  const renderedCount = (layerId: string): Promise<number> =>
    screen.page.evaluate((id) => window.__jinlin!.map.queryRenderedFeatures({ layers: [id] }).length, layerId);

  /** Whether the marker of this incident is drawn in the current view. */
  const markerDrawn = (incidentId: string): Promise<boolean> =>
    screen.page.evaluate(
      (id) => window.__jinlin!.map.queryRenderedFeatures({ layers: ['incident-markers'] }).some((f) => f.properties.id === id),
      incidentId,
    );

  /** Our own incident that stays in view through the drill, the context loss and the rebuild (not the simulator's, which may be elsewhere). */
  let ourIncident: string | undefined;

  const missingLayers = (): Promise<string[]> =>
    screen.page.evaluate((ids) => ids.filter((id) => !window.__jinlin!.map.getLayer(id)), [...LIVE_LAYER_IDS]);

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([
      // A busier county than the default, so that new incidents and check-ins turn up within seconds.
      startServer({ env: { SIMULATOR: 'on', SIM_WARMUP_HOURS: '1', SIM_RATE: '40', AUTH_SECRET: E2E_AUTH_SECRET } }),
      launchBrowser(),
    ]);
    // A wall that keeps its view: at this rate the simulator raises an urgent alarm every half minute
    // or so, and a wall that flew to each would leave the county mid-test (wallAlarm.test.ts covers flights).
    screen = await openMapPage(browser, server.origin, { width: WIDTH_PX, height: HEIGHT_PX, path: '/?alarmFlights=off' });
    await pushSnapshot();
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('has every live layer in its style', async () => {
    expect(LIVE_LAYER_IDS.length).toBeGreaterThanOrEqual(10);
    expect(await missingLayers()).toEqual([]);
  });

  it('renders incident markers coloured by lifecycle status', async () => {
    const statuses = await screen.page.evaluate(() =>
      window.__jinlin!.map.queryRenderedFeatures({ layers: ['incident-markers'] }).map((f) => String(f.properties.status)),
    );
    expect(statuses.length).toBeGreaterThan(100);
    expect(statuses.every((status) => (INCIDENT_STATUSES as readonly string[]).includes(status))).toBe(true);
  });

  it('renders the service stations with their icons', async () => {
    expect(await renderedCount('station-markers')).toBeGreaterThan(50);
  });

  it('feeds both heatmaps', async () => {
    const counts = await screen.page.evaluate(
      (ids) => ids.map((id) => window.__jinlin!.map.querySourceFeatures(id).length),
      [LIVE_SOURCES.incidentHeat, LIVE_SOURCES.volunteerHeat],
    );
    expect(counts.every((count) => count > 0)).toBe(true);
  });

  it('pulses a newly reported incident, ring growing from frame to frame', async () => {
    // This machine draws in software, where an `auto` wall holds pulses still (next test): asked for
    // full motion, the same wall animates them.
    await screen.page.evaluate(() => window.__jinlin!.setMapOptions({ motion: 'full' }));
    const layer = 'incident-pulse-new';
    await screen.page.waitForFunction((id) => window.__jinlin!.map.queryRenderedFeatures({ layers: [id] }).length > 0, layer, {
      timeout: 90_000,
      polling: 200,
    });
    const radiusOf = (id: string) => Number(window.__jinlin!.map.getPaintProperty(id, 'circle-radius'));
    const radius = await screen.page.evaluate(radiusOf, layer);
    await screen.page.waitForFunction(
      ({ id, before }) => Number(window.__jinlin!.map.getPaintProperty(id, 'circle-radius')) !== before,
      { id: layer, before: radius },
      { polling: 'raf' },
    );
    await screen.page.evaluate(() => window.__jinlin!.setMapOptions({ motion: 'auto' }));
  });

  it('animates only when its frames are cheap enough, and otherwise shows the pulses as still rings', async () => {
    const cost = await screen.page.evaluate(() => window.__jinlin!.renderCost!);
    expect(cost.frames).toBeGreaterThan(0);
    // The budget's rule as the wall applies it, on whatever renderer this is.
    expect(cost.animating).toBe(cost.frameCostMs <= DEFAULT_RENDER_BUDGET.maxAnimatedFrameMs);
    await screen.page.evaluate(() => window.__jinlin!.setMapOptions({ motion: 'still' }));
    await screen.page.waitForFunction(() => window.__jinlin!.renderCost!.animating === false);
    await screen.page.evaluate(() => window.__jinlin!.idle());
    const ringAt = () =>
      screen.page.evaluate(() => {
        const map = window.__jinlin!.map;
        return [Number(map.getPaintProperty('incident-pulse-new', 'circle-radius')), Number(map.getPaintProperty('incident-pulse-new', 'circle-stroke-opacity'))];
      });
    const twoFrames = () => screen.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    // The loop's last frame may still be on its way when the switch is seen (a loaded machine showed one):
    // wait for the ring to settle, then it must hold still frame after frame. A ring that animates never settles.
    let [radius, opacity] = await ringAt();
    for (let tries = 0; tries < 20; tries += 1) {
      await twoFrames();
      const [nextRadius, nextOpacity] = await ringAt();
      if (nextRadius === radius && nextOpacity === opacity) break;
      [radius, opacity] = [nextRadius, nextOpacity];
    }
    expect(radius).toBeGreaterThan(0);
    expect(opacity).toBeGreaterThan(0.3);
    for (let frame = 0; frame < 5; frame += 1) {
      await twoFrames();
      expect(await ringAt()).toEqual([radius, opacity]);
    }
    await screen.page.evaluate(() => window.__jinlin!.setMapOptions({ motion: 'auto' }));
  });

  it('ripples where a volunteer has just checked in', async () => {
    // A check-in of our own through the field API: the simulator's follow the clock, and at
    // midnight in Shanghai (when CI may well run) hardly anybody checks in.
    const grid = (await fetchRegions(server!.origin, 'grid')).features[0]!.properties.code;
    const response = await fetch(`${server!.origin}/api/v1/checkins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearerFor('ingest') },
      body: JSON.stringify({ memberId: 'E2E-M-1', memberName: '测试志愿者', kind: 'volunteer', category: 'elder_help', gridCode: grid }),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    await screen.page.waitForFunction(() => window.__jinlin!.map.queryRenderedFeatures({ layers: ['checkin-ripples'] }).length > 0, null, {
      timeout: 90_000,
      polling: 200,
    });
  });

  it('keeps updating its live sources by diffs, never re-uploading a whole source', async () => {
    const before = await screen.page.evaluate(() => ({ ...window.__jinlin!.stats! }));
    await pushSnapshot();
    const after = await screen.page.evaluate(() => ({ ...window.__jinlin!.stats! }));
    expect(after.fullUploads).toBe(before.fullUploads);
  });

  it('colours the communities by open incidents per 1,000 households through feature-state', async () => {
    await screen.page.evaluate(() => {
      window.__jinlin!.setMapOptions({ choropleth: 'openPerThousandHouseholds' });
      return window.__jinlin!.idle();
    });
    const values = await screen.page.evaluate(() => {
      const map = window.__jinlin!.map;
      const codes = [...new Set(map.queryRenderedFeatures({ layers: ['choropleth-community'] }).map((f) => String(f.properties.code)))];
      return codes.map((code) => map.getFeatureState({ source: 'community-shapes', id: code }).metric as number | undefined);
    });
    expect(values.length).toBeGreaterThanOrEqual(40);
    expect(values.every((value) => typeof value === 'number' && value >= 0 && value <= 1)).toBe(true);
    expect(values.some((value) => (value ?? 0) > 0)).toBe(true);
  });

  it('draws the 15-minute service circles when switched on', async () => {
    await screen.page.evaluate(() => {
      window.__jinlin!.setMapOptions({ visibility: { serviceCircles: true } });
      return window.__jinlin!.idle();
    });
    expect(await renderedCount('service-circle-line')).toBeGreaterThan(0);
  });

  it('looks right at county scale', async () => {
    const path = screenshotPath(`wall-map-county-${WIDTH_PX}x${HEIGHT_PX}.png`);
    await screen.page.screenshot({ path });
    await screen.page.locator('.map-view').screenshot({ path: screenshotPath('wall-map-county-map-only.png') });
    console.log(`screenshot: ${path}`);
    await screen.page.evaluate(() => {
      window.__jinlin!.setMapOptions({ choropleth: 'none', visibility: { serviceCircles: false } });
      return window.__jinlin!.idle();
    });
  });

  it('drills into a community when it is clicked: flies there, emits drill and highlights it', async () => {
    // A point well inside each community, from the same outlines the page drew; the first one that is
    // on screen and not covered by a finer region is clicked.
    const communities = await fetchRegions(server!.origin, 'community');
    const candidates = labelPointsOf(communities).features.map((f) => ({ code: f.properties.code, lngLat: f.geometry.coordinates as [number, number] }));
    const target = await clickableRegionPoint(screen.page, candidates);
    expect(target).not.toBeNull();
    // An incident of our own in one of its grids, so the drilled view holds an open one whatever the simulator did there.
    const gridPoint = labelPointsOf(await fetchRegions(server!.origin, 'grid', { within: target!.code })).features[0]!;
    expect(gridPoint.properties.code.startsWith(target!.code)).toBe(true);
    const reported = await fetch(`${server!.origin}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearerFor('ingest') },
      body: JSON.stringify({
        category: 'facility',
        source: 'patrol',
        description: '路灯不亮（端到端测试）',
        lng: gridPoint.geometry.coordinates[0],
        lat: gridPoint.geometry.coordinates[1],
        gridCode: gridPoint.properties.code,
        reporter: { name: '测试员', phone: '13800000000' },
      }),
    });
    const body = (await reported.json()) as { id?: string };
    expect(reported.status, JSON.stringify(body)).toBe(201);
    ourIncident = body.id!;
    const zoomBefore = await screen.page.evaluate(() => window.__jinlin!.map.getZoom());
    await screen.page.mouse.click(target!.x, target!.y);
    await screen.page.waitForFunction((code) => window.__jinlin!.drills.includes(code), target!.code);
    // The screen (or, standing alone, the map itself) makes the drilled region the scope.
    await screen.page.waitForFunction((code) => window.__jinlin!.scope === code, target!.code);
    await screen.page.evaluate(() => window.__jinlin!.idle());
    const otherStreets = (await fetchRegions(server!.origin, 'street')).features
      .map((f) => f.properties.code)
      .filter((street) => !target!.code.startsWith(street));
    const after = await screen.page.evaluate(
      ({ code, streets }) => {
        const map = window.__jinlin!.map;
        return {
          scope: window.__jinlin!.scope,
          zoom: map.getZoom(),
          selected: map.getFeatureState({ source: 'community-shapes', id: code }).selected,
          dimmedStreets: streets.filter((street) => map.getFeatureState({ source: 'street-shapes', id: street }).outside === true).length,
        };
      },
      { code: target!.code, streets: otherStreets },
    );
    expect(after.scope).toBe(target!.code);
    expect(after.zoom).toBeGreaterThan(zoomBefore + 2);
    expect(after.selected).toBe(true);
    expect(after.dimmedStreets).toBe(otherStreets.length);
    console.log(`drilled into ${target!.code}: ${await renderedCount('incident-markers')} incident markers in view`);
    expect(await markerDrawn(ourIncident!)).toBe(true);
    await screen.page.screenshot({ path: screenshotPath(`wall-map-community-${WIDTH_PX}x${HEIGHT_PX}.png`) });
  });

  it('comes back with all its layers after the browser takes the WebGL context away and restores it', async () => {
    await screen.page.evaluate(async () => {
      const map = window.__jinlin!.map;
      const gl = map.getCanvas().getContext('webgl2')!;
      const extension = gl.getExtension('WEBGL_lose_context')!;
      const lost = map.once('webglcontextlost');
      extension.loseContext();
      await lost;
      // The browser allows a restore only once the lost event has been fully dispatched (and MapLibre
      // has cancelled it); a listener's promise resolves before that, so wait for the next task.
      await new Promise((resolve) => setTimeout(resolve));
      const restored = map.once('webglcontextrestored');
      extension.restoreContext();
      await restored;
      await window.__jinlin!.idle();
    });
    expect(await missingLayers()).toEqual([]);
    expect(await markerDrawn(ourIncident!)).toBe(true);
    expect(await renderedCount('community-fill')).toBeGreaterThan(0);
    const selected = await screen.page.evaluate(() =>
      window.__jinlin!.map.getFeatureState({ source: 'community-shapes', id: window.__jinlin!.scope! }).selected,
    );
    expect(selected).toBe(true);
    expect(await screen.page.evaluate(() => window.__jinlin!.rebuilds)).toBe(0);
  });

  it('rebuilds the map from scratch when the context is never given back', async () => {
    await screen.page.evaluate(async () => {
      window.__jinlin!.setMapOptions({ restoreTimeoutMs: 1000 });
      const map = window.__jinlin!.map;
      const lost = map.once('webglcontextlost');
      map.getCanvas().getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext();
      await lost;
    });
    await screen.page.waitForFunction(() => window.__jinlin!.rebuilds === 1);
    await screen.page.evaluate(() => window.__jinlin!.idle());
    expect(await missingLayers()).toEqual([]);
    expect(await markerDrawn(ourIncident!)).toBe(true);
    expect(await renderedCount('station-markers')).toBeGreaterThan(0);
    const isWebGl2 = await screen.page.evaluate(() => window.__jinlin!.map.getCanvas().getContext('webgl2')?.isContextLost() === false);
    expect(isWebGl2).toBe(true);
    await screen.page.screenshot({ path: screenshotPath(`wall-map-rebuilt-${WIDTH_PX}x${HEIGHT_PX}.png`) });
  });

  it('never asks any other host for anything', () => {
    expect(screen.requests.urls.length).toBeGreaterThan(0);
    expect(screen.requests.offOrigin()).toEqual([]);
  });

  it('reports no errors in the page apart from the rebuild it was made to do', () => {
    expect(screen.errors.filter((error) => !error.includes('rebuilding the map'))).toEqual([]);
  });
});
