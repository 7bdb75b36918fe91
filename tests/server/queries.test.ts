import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventsPage, Snapshot } from '../../shared/contract/snapshot';
import { startTestServer, testCounty, type TestServer } from './helpers/testServer';
import { GANZHE_STREET, SHANGJIE_TOWN, gridIn, incidentAt } from './helpers/fixtures';

describe('the query API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ listen: false });
    const county = await testCounty();
    for (let i = 0; i < 6; i++) {
      const street = i % 2 ? SHANGJIE_TOWN : GANZHE_STREET;
      await server.app.inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentAt(gridIn(county, street, i)), headers: server.admin });
    }
  });
  afterAll(() => server?.close());

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

  it('serves one level of the hierarchy as RFC 7946 GeoJSON, limited to a region', async () => {
    const response = await get(`/api/v1/regions?level=community&within=${GANZHE_STREET}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/geo+json');
    const collection = response.json();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.crs).toBeUndefined();
    expect(collection.features.length).toBe(8);
    for (const feature of collection.features) {
      expect(feature.properties.code.startsWith(GANZHE_STREET)).toBe(true);
      expect(feature.id).toBe(feature.properties.code);
    }
  });

  it('answers 304 to a revalidation with the same ETag', async () => {
    const first = await get('/api/v1/regions?level=street');
    const etag = String(first.headers.etag);
    const again = await get('/api/v1/regions?level=street', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('answers 404 naming the field for an unknown region and 400 for an unknown level', async () => {
    expect((await get('/api/v1/regions?level=grid&within=350121999')).json()).toMatchObject({ statusCode: 404, error: 'region_not_found' });
    expect((await get('/api/v1/regions?level=planet')).json()).toMatchObject({ statusCode: 400, message: expect.stringContaining('level') });
    expect((await get('/api/v1/snapshot?scope=350121999')).statusCode).toBe(404);
  });

  it('gives a scope snapshot stamped with the seq it is consistent with, and nothing from outside it', async () => {
    const snapshot = (await get(`/api/v1/snapshot?scope=${GANZHE_STREET}`)).json() as Snapshot;
    expect(snapshot.seq).toBe(server.services.live.headSeq);
    expect(snapshot.region.code).toBe(GANZHE_STREET);
    expect(snapshot.ancestors.map((r) => r.code)).toEqual(['350121']);
    expect(snapshot.incidents).toHaveLength(3);
    expect(snapshot.incidents.every((i) => i.regionPath[1] === GANZHE_STREET && i.reporter === undefined)).toBe(true);
    expect(snapshot.kpis.incidents.reportedToday).toBe(3);
    expect(snapshot.children.map((c) => c.code).every((code) => code.startsWith(GANZHE_STREET))).toBe(true);
    expect(snapshot.stations.length).toBeGreaterThan(0);
  });

  it('pages through the log of a scope with after/limit', async () => {
    const first = (await get(`/api/v1/events?after=0&scope=${SHANGJIE_TOWN}&limit=2`)).json() as EventsPage;
    expect(first.events.map((e) => e.seq)).toEqual([2, 4]);
    expect(first).toMatchObject({ hasMore: true, nextAfter: 4, headSeq: 6 });
    const second = (await get(`/api/v1/events?after=${first.nextAfter}&scope=${SHANGJIE_TOWN}&limit=2`)).json() as EventsPage;
    expect(second.events.map((e) => e.seq)).toEqual([6]);
    expect(second.hasMore).toBe(false);
  });

  it('reports health, readiness and Prometheus metrics', async () => {
    expect((await get('/api/v1/health')).json()).toMatchObject({ status: 'ok', headSeq: 6, store: 'sqlite' });
    expect((await get('/api/v1/ready')).statusCode).toBe(200);
    const metrics = (await get('/metrics')).body;
    expect(metrics).toContain('jinlin_events_ingested_total{type="incident:reported"} 6');
    expect(metrics).toContain('jinlin_fanout_latency_seconds_bucket');
    expect(metrics).toContain('jinlin_connected_sockets');
    expect(metrics).toContain('jinlin_replayed_events_total');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    expect((await get('/api/v1/nothing-here')).json()).toMatchObject({ statusCode: 404, error: 'route_not_found' });
  });
});
