import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_GROUPS, incidentClusterLayers } from '../../client/map/layers/incidentClusters';
import { labelPointsOf } from '../../client/map/regions/labelPointsOf';
import type { Incident } from '../../shared/domain/incident';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { fetchRegions } from './harness/fetchRegions';
import { launchBrowser } from './harness/launchBrowser';
import { openMapPage, type MapPage } from './harness/openMapPage';
import { startServer, type RunningServer } from './harness/startServer';
import { bearerFor, E2E_AUTH_SECRET } from './harness/wallTokens';

const SETUP_TIMEOUT_MS = 360_000;
const REPORTS = 48;

/**
 * Our own incidents on a quiet county (no simulator), some accepted, some resolved: the wall's
 * clusters, summed over every cluster and lone point drawn, must equal its KPI tiles.
 */
describe('status-aware incident clusters on the wall', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screen: MapPage;

  const post = async (path: string, body: object, role: 'ingest' | 'admin') => {
    const response = await fetch(`${server!.origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearerFor(role) },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Incident>;
  };

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([startServer({ env: { SIMULATOR: 'off', AUTH_SECRET: E2E_AUTH_SECRET } }), launchBrowser()]);
    const grids = labelPointsOf(await fetchRegions(server.origin, 'grid'));
    const step = Math.max(1, Math.floor(grids.features.length / REPORTS));
    for (let n = 0; n < REPORTS; n++) {
      const [lng, lat] = grids.features[(n * step) % grids.features.length]!.geometry.coordinates as [number, number];
      const incident = await post('/api/v1/incidents', { category: 'facility', source: 'patrol', description: '路灯不亮', lng, lat }, 'ingest');
      const transitions = `/api/v1/incidents/${incident.id}/transitions`;
      if (n % 3 !== 0) await post(transitions, { action: 'accept' }, 'admin');
      if (n % 3 === 2) await post(transitions, { action: 'resolve', resolution: '已修复' }, 'admin');
    }
    screen = await openMapPage(browser, server.origin, { width: 1600, height: 900, path: '/?alarmFlights=off' });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('add up, over every cluster and lone point drawn, to the open, overdue and resolved-today tiles', async () => {
    const resolved = Math.floor((REPORTS + 1) / 3);
    // The tiles show every report: the wall's live link has caught up with our writes.
    await screen.page.waitForFunction(
      (expected) => window.__jinlin?.kpis?.()?.incidents.open === expected.open && window.__jinlin.kpis()?.incidents.resolvedToday === expected.resolved,
      { open: REPORTS - resolved, resolved },
    );
    await screen.page.evaluate(() => window.__jinlin!.idle());
    const { zoom, groups, tiles } = await screen.page.evaluate(
      ({ layers, names }) => {
        const map = window.__jinlin!.map;
        // A cluster is drawn by several nested discs (and may cross tiles): count each once.
        const seen = new Map<string, Record<string, number>>();
        for (const feature of map.queryRenderedFeatures({ layers })) {
          const p = feature.properties;
          const key = p.cluster_id !== undefined ? `cluster ${p.cluster_id}` : `point ${p.id}`;
          seen.set(key, Object.fromEntries(names.map((name) => [name, Number(p[name] ?? 0)])));
        }
        const totals = Object.fromEntries(names.map((name) => [name, [...seen.values()].reduce((sum, g) => sum + (g[name] ?? 0), 0)]));
        const k = window.__jinlin!.kpis!()!.incidents;
        return { zoom: map.getZoom(), groups: totals, tiles: { open: k.open, overdue: k.overdue, resolvedToday: k.resolvedToday } };
      },
      { layers: incidentClusterLayers.map((layer) => layer.id), names: [...CLUSTER_GROUPS] },
    );
    console.log(`zoom ${zoom.toFixed(2)}: clusters ${JSON.stringify(groups)}, tiles ${JSON.stringify(tiles)}`);
    expect(groups.waiting! + groups.handling! + groups.overdue!).toBe(tiles.open);
    expect(groups.overdue).toBe(tiles.overdue);
    expect(groups.resolvedToday).toBe(tiles.resolvedToday);
    expect(tiles.open + tiles.resolvedToday).toBe(REPORTS);
    expect(screen.errors).toEqual([]);
  });
});
