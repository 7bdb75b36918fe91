import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type Services } from '../../../server/app';
import { signToken } from '../../../server/auth/tokens';
import { loadConfig } from '../../../server/config';
import { importCounty } from '../../../server/import/importCounty';
import type { Snapshot } from '../../../shared/contract/snapshot';
import type { Role } from '../../../shared/logic/access';
import { cellCentre, gridCodeAt, TEST_COUNTY_CODE, toGcj02, writeTestCounty } from './testCountyFiles';

const SECRET = 'jinlin-import-test-secret';
const bearer = (role: Role, scope: string) => ({ authorization: `Bearer ${signToken({ role, scope, ttlSeconds: 600, now: Date.now() }, SECRET).token}` });
const env = (dataDir: string, extra: Record<string, string> = {}) => ({ DATA_DIR: dataDir, CLIENT_DIR: '', LOG_LEVEL: 'warn', AUTH_SECRET: SECRET, ...extra });

describe('the server on an imported county', () => {
  let root: string;
  let dataDir: string;
  let app: FastifyInstance;
  let services: Services;
  const logLines: string[] = [];
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'jinlin-imported-app-'));
    dataDir = join(root, 'data');
    const imported = await importCounty({ paths: [writeTestCounty(join(root, 'in'), undefined, { crs: 'wgs84' })], dataDir });
    expect(imported.written).not.toBeNull();
    ({ app, services } = await buildApp(loadConfig(env(dataDir)), { logStream: { write: (line) => void logLines.push(line) } }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the imported county, with the simulator off unless asked for', () => {
    expect(services.county.county).toMatchObject({ code: TEST_COUNTY_CODE, name: '试验县', sample: false });
    expect(services.config.simulator).toBe(false);
    expect(services.simulator).toBeNull();
    expect(loadConfig(env(dataDir, { SIMULATOR: 'on' })).simulator).toBe(true);
    expect(loadConfig(env(join(root, 'empty'))).simulator).toBe(true);
  });

  it('skips the sample county\'s default tour with a warning naming why', () => {
    expect(services.tour).toBeNull();
    expect(logLines.join('\n')).toMatch(/tour file data\/tours\/default\.json: .*skipped on this imported county/);
  });

  it('files a GPS report inside an imported grid under that grid, and counts it in the grid\'s KPIs', async () => {
    const [lng, lat] = cellCentre(5, 7);
    const grid = gridCodeAt(5, 7);
    const report = await app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: bearer('admin', TEST_COUNTY_CODE),
      payload: { category: 'facility', source: 'patrol', priority: 'normal', description: '井盖缺失', lng, lat, crs: 'wgs84' },
    });
    expect(report.statusCode).toBe(201);
    expect(report.json()).toMatchObject({ gridCode: grid });
    const snapshot = (await app.inject({ method: 'GET', url: `/api/v1/snapshot?scope=${grid}`, headers: bearer('admin', TEST_COUNTY_CODE) })).json() as Snapshot;
    expect(snapshot.region.code).toBe(grid);
    expect(snapshot.kpis.incidents.reportedToday).toBe(1);
    expect(snapshot.ancestors.map((r) => r.code)).toEqual([TEST_COUNTY_CODE, '990101001', '990101001004', '990101001004003']);
  });

  it('puts a GCJ-02 position (the API default) in the same grid as its WGS-84 original', async () => {
    const [lng, lat] = toGcj02(cellCentre(12, 2));
    const report = await app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: bearer('admin', TEST_COUNTY_CODE),
      payload: { category: 'safety', source: 'patrol', priority: 'normal', description: '路面塌陷', lng, lat },
    });
    expect(report.json()).toMatchObject({ gridCode: gridCodeAt(12, 2) });
  });

  it('keeps a street leader to their own street of the imported county, reading and writing', async () => {
    const own = await app.inject({ method: 'GET', url: '/api/v1/snapshot?scope=990101001', headers: bearer('street', '990101001') });
    const other = await app.inject({ method: 'GET', url: '/api/v1/snapshot?scope=990101002', headers: bearer('street', '990101001') });
    expect(own.statusCode).toBe(200);
    // As on the sample county: another street reads as if it did not exist.
    expect(other.statusCode).toBe(404);
    const [lng, lat] = cellCentre(12, 2);
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: bearer('street', '990101001'),
      payload: { category: 'safety', source: 'patrol', priority: 'normal', description: '路面塌陷', lng, lat, crs: 'wgs84' },
    });
    expect(write.json()).toMatchObject({ statusCode: 403, error: 'out_of_scope' });
  });

  it('runs the simulator on it when asked (SIMULATOR=on, for rehearsals), in the imported grids only', async () => {
    const rehearsal = join(root, 'rehearsal');
    mkdirSync(rehearsal);
    copyFileSync(join(dataDir, 'county.json'), join(rehearsal, 'county.json'));
    const built = await buildApp(loadConfig(env(rehearsal, { SIMULATOR: 'on', TOUR_FILE: '' })));
    try {
      await built.services.simulator!.warmUp(1);
      const incidents = [...built.services.live.entities.incidents.values()];
      expect(built.services.simulator!.stats()).toMatchObject({ failed: 0 });
      expect(incidents.length).toBeGreaterThan(0);
      expect(incidents.every((incident) => built.services.county.get(incident.gridCode)?.level === 'grid')).toBe(true);
    } finally {
      await built.app.close();
    }
  }, 60_000);

  it('serves the imported grids of a compound as GeoJSON for the map', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/regions?level=grid&within=990101001001001' });
    expect(response.json().features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([gridCodeAt(0, 0), gridCodeAt(1, 0), gridCodeAt(0, 1), gridCodeAt(1, 1)]);
  });
});
