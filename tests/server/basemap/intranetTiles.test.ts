import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('an intranet tile service behind our origin (BASEMAP=http://…{z}…{x}…{y}…&tk=…)', () => {
  const asked: string[] = [];
  let intranet: Server;
  let server: TestServer;

  beforeAll(async () => {
    intranet = createServer((request, response) => {
      asked.push(request.url ?? '');
      if (request.url?.includes('TILEMATRIX=9&')) return void response.writeHead(404).end();
      if (request.url?.includes('TILEMATRIX=8&')) return void response.writeHead(500).end();
      response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from('png bytes'));
    });
    await new Promise<void>((resolve) => intranet.listen(0, '127.0.0.1', resolve));
    const { port } = intranet.address() as AddressInfo;
    const template = `http://127.0.0.1:${port}/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=secret-key`;
    // Load shedding is not under test, and a machine busy with other tests must not make tiles answer 503.
    server = await startTestServer({ env: { PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0', BASEMAP: template, BASEMAP_DATUM: 'cgcs2000' }, listen: false });
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => intranet.close(resolve));
  });

  it('describes a raster basemap on our origin in the WGS-84 datum (CGCS2000 is taken as WGS-84), without the key', async () => {
    const response = await server.app.inject({ url: '/basemap/info.json' });
    expect(response.json()).toEqual({ kind: 'raster', source: { tiles: '/basemap/{z}/{x}/{y}.png' }, datum: 'wgs84', minzoom: 0, maxzoom: 18, tileSize: 256 });
    expect(response.body).not.toContain('secret-key');
  });

  it('fetches the tile from the service with the template filled in and passes it on', async () => {
    const response = await server.app.inject({ url: '/basemap/12/3403/1739.png' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.body).toBe('png bytes');
    expect(asked.at(-1)).toContain('TILEMATRIX=12&TILEROW=1739&TILECOL=3403&tk=secret-key');
  });

  it('answers 204 where the service has no tile, and 502 when it fails', async () => {
    const missing = await server.app.inject({ url: '/basemap/9/425/217.png' });
    expect(missing.statusCode, missing.body).toBe(204);
    const failed = await server.app.inject({ url: '/basemap/8/212/108.png' });
    expect(failed.statusCode).toBe(502);
    expect(failed.json().error).toBe('basemap_unavailable');
  });
});
