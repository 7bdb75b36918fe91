import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { ConfigError } from '../../../server/ConfigError';

const dir = mkdtempSync(join(tmpdir(), 'jinlin-basemap-config-'));
const pmtiles = join(dir, 'county.pmtiles');
writeFileSync(pmtiles, '');
const base = { DATA_DIR: dir };

describe('BASEMAP configuration', () => {
  it('is off without BASEMAP, so the wall looks as it always did', () => {
    expect(loadConfig(base).basemap).toBeNull();
  });

  it('takes a PMTiles file in WGS-84 unless BASEMAP_DATUM says otherwise', () => {
    expect(loadConfig({ ...base, BASEMAP: pmtiles }).basemap).toEqual({ kind: 'pmtiles', file: pmtiles, datum: 'wgs84' });
    expect(loadConfig({ ...base, BASEMAP: pmtiles, BASEMAP_DATUM: 'gcj02' }).basemap).toMatchObject({ datum: 'gcj02' });
  });

  it('takes a vector URL template with its type', () => {
    const basemap = loadConfig({ ...base, BASEMAP: 'http://tiles.gov.local/{z}/{x}/{-y}.pbf', BASEMAP_TYPE: 'vector' }).basemap;
    expect(basemap).toMatchObject({ kind: 'url', tileType: 'vector', format: 'pbf', datum: 'wgs84' });
  });

  it.each([
    [{ BASEMAP: join(dir, 'missing.mbtiles') }, 'BASEMAP'],
    [{ BASEMAP: join(dir, 'county.geojson') }, 'BASEMAP'],
    [{ BASEMAP: 'http://tiles.gov.local/tiles/{z}/{x}.png' }, '{y}'],
    [{ BASEMAP: pmtiles, BASEMAP_DATUM: 'bd09' }, 'BASEMAP_DATUM'],
    [{ BASEMAP: 'http://t/{z}/{x}/{y}', BASEMAP_TYPE: 'hybrid' }, 'BASEMAP_TYPE'],
    [{ BASEMAP: 'http://t/{z}/{x}/{y}', BASEMAP_FORMAT: 'gif' }, 'BASEMAP_FORMAT'],
    [{ BASEMAP: 'http://t/{z}/{x}/{y}', BASEMAP_MAXZOOM: '30' }, 'BASEMAP_MAXZOOM'],
  ])('refuses %j with a message naming %s', (env, name) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(name);
  });
});
