import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gcj02ToWgs84 } from '../../shared/logic/geo/gcj02';
import { GANZHE_STREET, gridIn, incidentAt } from './helpers/fixtures';
import { startTestServer, testCounty, type TestServer } from './helpers/testServer';

describe('incident positions in CGCS2000', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ listen: false });
  });
  afterAll(() => server?.close());

  it('places a CGCS2000 (Beidou) point exactly where the same WGS-84 point goes', async () => {
    const grid = gridIn(await testCounty(), GANZHE_STREET, 3);
    const [lng, lat] = gcj02ToWgs84(grid.centroid[0], grid.centroid[1]);
    const post = (crs: 'wgs84' | 'cgcs2000') =>
      server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: server.admin, payload: incidentAt(grid, { lng, lat, crs }) });
    const [wgs, cgcs] = [await post('wgs84'), await post('cgcs2000')];
    expect(cgcs.statusCode).toBe(201);
    expect(cgcs.json().gridCode).toBe(grid.code);
    expect([cgcs.json().lng, cgcs.json().lat]).toEqual([wgs.json().lng, wgs.json().lat]);
  });
});
