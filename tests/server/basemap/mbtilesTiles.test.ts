import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer';

/** An MBTiles file as tilemaker writes one: metadata rows and a tiles table keyed by TMS row. */
const writeMbtiles = (file: string, tiles: Array<{ z: number; x: number; tmsRow: number; data: Buffer }>): void => {
  const db = new Database(file);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [name, value] of [['name', 'county'], ['format', 'pbf'], ['minzoom', '0'], ['maxzoom', '14'], ['bounds', '118.8,25.7,119.5,26.7']]) meta.run(name, value);
  const insert = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  for (const tile of tiles) insert.run(tile.z, tile.x, tile.tmsRow, tile.data);
  db.close();
};

describe('MBTiles basemap tiles (BASEMAP=county.mbtiles)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jinlin-mbtiles-'));
  const file = join(dir, 'county.mbtiles');
  // Zoom 12, column 3403, XYZ row 1739 is TMS row 4095 - 1739 = 2356.
  const vectorTile = Buffer.from('a vector tile, as the protobuf bytes tilemaker stores');
  let server: TestServer;

  beforeAll(async () => {
    writeMbtiles(file, [
      { z: 12, x: 3403, tmsRow: 2356, data: gzipSync(vectorTile) },
      { z: 12, x: 3403, tmsRow: 1739, data: gzipSync(Buffer.from('the tile a missing flip would serve')) },
    ]);
    // Load shedding is not under test, and a machine busy with other tests must not make tiles answer 503.
    server = await startTestServer({ env: { PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0', BASEMAP: file }, listen: false });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('describes a vector basemap on our own origin in info.json', async () => {
    const response = await server.app.inject({ url: '/basemap/info.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ kind: 'vector', source: { tiles: '/basemap/{z}/{x}/{y}.pbf' }, datum: 'wgs84', minzoom: 0, maxzoom: 14, tileSize: 256 });
  });

  it('serves the tile at the web row by flipping it to the TMS row, gzipped as stored', async () => {
    const response = await server.app.inject({ url: '/basemap/12/3403/1739.pbf' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-protobuf');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString()).toBe(vectorTile.toString());
  });

  it('answers 204 with no body where the file has no tile', async () => {
    const response = await server.app.inject({ url: '/basemap/12/3404/1739.pbf' });
    expect(response.statusCode).toBe(204);
    expect(response.rawPayload.length).toBe(0);
  });

  it('answers 404 for another format than the file holds', async () => {
    const response = await server.app.inject({ url: '/basemap/12/3403/1739.png' });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain('.pbf');
  });

  it('answers 400 naming x and y for a tile outside the zoom level', async () => {
    const response = await server.app.inject({ url: '/basemap/2/4/0.pbf' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'validation_failed', message: expect.stringContaining('x and y') });
  });

  it('answers 400 naming z for a zoom beyond 22', async () => {
    const response = await server.app.inject({ url: '/basemap/23/0/0.pbf' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('z');
  });
});
