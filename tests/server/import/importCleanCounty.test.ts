import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredCounty } from '../../../server/county/StoredCounty';
import { importCounty, type ImportResult } from '../../../server/import/importCounty';
import { gridCodeAt, TEST_COUNTY_CODE, writeTestCounty } from './testCountyFiles';

describe('importing a clean county (256 grids made by the test)', () => {
  let root: string;
  let result: ImportResult;
  let stored: StoredCounty;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'jinlin-import-clean-'));
    const source = writeTestCounty(join(root, 'in'), undefined, { crs: 'wgs84' });
    result = await importCounty({ paths: [source], dataDir: join(root, 'data') });
    stored = JSON.parse(readFileSync(join(root, 'data', 'county.json'), 'utf8')) as StoredCounty;
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds nothing wrong and writes DATA_DIR/county.json', () => {
    expect(result.report.lines).toEqual([]);
    expect(result.written).toBe(join(root, 'data', 'county.json'));
  });

  it('stores every level, county first, with paths and WGS-84 as the declared datum', () => {
    expect(stored).toMatchObject({ format: 'jinlin-county', version: 1, datum: 'WGS84' });
    const counts = Object.fromEntries(['county', 'street', 'community', 'compound', 'grid'].map((level) => [level, stored.regions.filter((r) => r.level === level).length]));
    expect(counts).toEqual({ county: 1, street: 4, community: 16, compound: 64, grid: 256 });
    expect(stored.regions[0]!.code).toBe(TEST_COUNTY_CODE);
    const grid = stored.regions.find((r) => r.code === gridCodeAt(0, 0))!;
    expect(grid.path).toEqual([TEST_COUNTY_CODE, '990101001', '990101001001', '990101001001001', gridCodeAt(0, 0)]);
    expect(grid.sample).toBe(false);
  });

  it('takes the grids\' figures from the data pool and sums them up the tree', () => {
    const grids = stored.regions.filter((r) => r.level === 'grid');
    const county = stored.regions[0]!;
    expect(county.households).toBe(grids.reduce((sum, g) => sum + g.households, 0));
    expect(county.residents).toBe(grids.reduce((sum, g) => sum + g.residents, 0));
    expect(grids.find((g) => g.partyMembers >= 3)!.hasBranch).toBe(true);
    expect(grids.find((g) => g.partyMembers < 3)!.hasBranch).toBe(false);
    const feature = stored.features.grid.features.find((f) => f.properties.code === gridCodeAt(0, 0))!;
    expect(feature.properties).toMatchObject({ buildings: 3, level: 'grid', parentCode: '990101001001001' });
  });

  it('places the stations in the compound they stand in, with their hours', () => {
    expect(stored.stations.map((s) => [s.id, s.name, s.regionCode.length])).toEqual([
      ['ST-PSC-1', '一号党群服务中心', 15],
      ['ST-RS-2', '红色驿站, 东', 15],
    ]);
    expect(stored.stations[0]!.hours).toEqual({ weekdayOpen: '08:30', weekdayClose: '17:30', extendedUntil: '21:00', weekend: 'same' });
    expect(stored.stations[1]!.hours.weekend).toBe('closed');
  });
});
