import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAT_WEIGHT_BY_PRIORITY, type HeatPoints } from '../../../shared/contract/heat';
import { createClock } from '../../../server/clock';
import { startTestServer, testCounty, type TestServer } from '../helpers/testServer';
import { GANZHE_STREET, SHANGJIE_TOWN, gridIn, incidentAt } from '../helpers/fixtures';

const DAY_MS = 24 * 3600_000;

describe('GET /api/v1/heat: incident heat points of a window longer than a wall holds', () => {
  const now = Date.now();
  const clock = createClock({ startAt: now - 40 * DAY_MS });
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ listen: false, clock });
    const county = await testCounty();
    const report = async (scope: string, n: number, priority: 'urgent' | 'normal') => {
      const response = await server.app.inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentAt(gridIn(county, scope, n), { priority }), headers: server.admin });
      expect(response.statusCode).toBe(201);
    };
    // Forty days ago (outside every window), ten days ago (inside 30 d only), and today.
    await report(GANZHE_STREET, 0, 'urgent');
    clock.set(now - 10 * DAY_MS);
    await report(GANZHE_STREET, 1, 'urgent');
    await report(SHANGJIE_TOWN, 2, 'normal');
    clock.set(now);
    await report(GANZHE_STREET, 3, 'normal');
  });
  afterAll(() => server?.close());

  const get = (url: string, role?: Parameters<TestServer['token']>[0], scope?: string) =>
    server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${server.token(role, scope)}` } });

  it('answers the incidents reported in the last 30 days of the county as [lng, lat, weight] points', async () => {
    const response = await get('/api/v1/heat?window=30d');
    expect(response.statusCode).toBe(200);
    const body = response.json() as HeatPoints;
    expect(body).toMatchObject({ window: '30d', scope: '350121' });
    expect(body.points).toHaveLength(3);
    for (const point of body.points) expect(point).toHaveLength(3);
    expect(body.points.map(([, , weight]) => weight).sort()).toEqual(
      [HEAT_WEIGHT_BY_PRIORITY.normal, HEAT_WEIGHT_BY_PRIORITY.normal, HEAT_WEIGHT_BY_PRIORITY.urgent].sort(),
    );
  });

  it('counts only the last 24 hours in the 24 h window', async () => {
    const body = (await get('/api/v1/heat?window=24h')).json() as HeatPoints;
    expect(body.points).toHaveLength(1);
  });

  it("keeps a street's token to its street: its own points, and another street answers as unknown", async () => {
    const own = (await get('/api/v1/heat?window=30d', 'operator', GANZHE_STREET)).json() as HeatPoints;
    expect(own.scope).toBe(GANZHE_STREET);
    expect(own.points).toHaveLength(2);
    const other = await get(`/api/v1/heat?window=30d&scope=${SHANGJIE_TOWN}`, 'operator', GANZHE_STREET);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ error: 'region_not_found' });
  });

  it('gives a public display nothing but places and weights', async () => {
    const response = await get(`/api/v1/heat?window=30d&scope=${SHANGJIE_TOWN}`, 'display');
    expect(response.statusCode).toBe(200);
    const body = response.json() as HeatPoints;
    expect(Object.keys(body).sort()).toEqual(['at', 'points', 'scope', 'window']);
    expect(body.points).toHaveLength(1);
    expect(body.points[0]!.every((value) => typeof value === 'number')).toBe(true);
    expect(response.body).not.toContain('13812345678');
  });

  it('refuses a window it does not know with 400 naming the field', async () => {
    const response = await get('/api/v1/heat?window=1y');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('window');
  });
});
