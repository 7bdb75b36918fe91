import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCountyBasemap } from '../../e2e/fixtures/basemap/buildCountyBasemap';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('PMTiles basemap served by range requests (BASEMAP=county.pmtiles)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jinlin-pmtiles-'));
  const file = join(dir, 'county.pmtiles');
  const archive = buildCountyBasemap();
  let server: TestServer;

  beforeAll(async () => {
    writeFileSync(file, archive);
    // A built client in the same folder: its static files are served by a second @fastify/static beside the basemap's.
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    // Load shedding is not under test, and a machine busy with other tests must not make tiles answer 503.
    server = await startTestServer({ env: { PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0', BASEMAP: file, CLIENT_DIR: dir }, listen: false });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('describes the archive from its header: vector tiles, zoom 0 to 14, on our origin', async () => {
    const response = await server.app.inject({ url: '/basemap/info.json' });
    expect(response.json()).toEqual({ kind: 'vector', source: { pmtiles: '/basemap/tiles.pmtiles' }, datum: 'wgs84', minzoom: 0, maxzoom: 14, tileSize: 512 });
  });

  it('answers a byte range with 206 and exactly those bytes', async () => {
    const response = await server.app.inject({ url: '/basemap/tiles.pmtiles', headers: { range: 'bytes=100-226' } });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes 100-226/${archive.length}`);
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(Buffer.compare(response.rawPayload, archive.subarray(100, 227))).toBe(0);
  });

  it('clips the first 16 KiB the reader asks for to the end of a smaller archive', async () => {
    const response = await server.app.inject({ url: '/basemap/tiles.pmtiles', headers: { range: `bytes=${archive.length - 10}-${archive.length + 16_000}` } });
    expect(response.statusCode).toBe(206);
    expect(response.rawPayload.length).toBe(10);
  });

  it('answers 416 for a range past the end', async () => {
    const response = await server.app.inject({ url: '/basemap/tiles.pmtiles', headers: { range: `bytes=${archive.length + 5}-${archive.length + 10}` } });
    expect(response.statusCode).toBe(416);
  });

  it('gives the pmtiles reader every tile it asks for over HTTP', async () => {
    const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const reader = new PMTiles(`${url}/basemap/tiles.pmtiles`);
    const header = await reader.getHeader();
    expect(header.tileType).toBe(1);
    const tile = await reader.getZxy(0, 0, 0);
    expect(tile?.data.byteLength).toBeGreaterThan(0);
  });

  it('still serves the built client beside it', async () => {
    const response = await server.app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('<!doctype html>');
  });
});
