import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredCounty } from '../../../server/county/StoredCounty';
import { importCounty } from '../../../server/import/importCounty';
import { distanceToBoundaryM } from '../../../shared/logic/geo/distanceToBoundaryM';
import { convertFiles, LEVELS, testCountyFiles, toGcj02, writeTestCounty } from './testCountyFiles';
import { writeShapefile } from './writeShapefile';

const root = mkdtempSync(join(tmpdir(), 'jinlin-import-datums-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const stored = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, 'county.json'), 'utf8')) as StoredCounty;

/** Every stored position in one list, levels in order, for comparing two imports point by point. */
const positionsOf = (county: StoredCounty): Position[] => [
  ...LEVELS.flatMap((level) => county.features[level].features.flatMap((f) => (f.geometry.coordinates as Position[][]).flat())),
  ...county.stations.map((s) => [s.location.lng, s.location.lat]),
];

const metresApart = (a: Position, b: Position) => distanceToBoundaryM(a, { type: 'Polygon', coordinates: [[b, b, b, b]] });

describe('datums and formats', () => {
  it('stores a GCJ-02 copy and a WGS-84 copy of the same county at the same coordinates, within 1 m', async () => {
    const wgs = writeTestCounty(join(root, 'wgs'), testCountyFiles(), { crs: 'wgs84' });
    const gcj = writeTestCounty(join(root, 'gcj'), convertFiles(testCountyFiles(), toGcj02));
    const a = await importCounty({ paths: [wgs], dataDir: join(root, 'wgs-data') });
    const b = await importCounty({ paths: [gcj], dataDir: join(root, 'gcj-data'), crs: 'gcj02' });
    expect(a.report.errors + b.report.errors).toBe(0);
    const left = positionsOf(stored(join(root, 'wgs-data')));
    const right = positionsOf(stored(join(root, 'gcj-data')));
    expect(right).toHaveLength(left.length);
    // GCJ-02 sits ~300–600 m off WGS-84 here: undoing it must land back on the same spot.
    expect(metresApart(toGcj02(left[0]!), left[0]!)).toBeGreaterThan(100);
    const worst = Math.max(...left.map((position, i) => metresApart(position, right[i]!)));
    expect(worst).toBeLessThan(1);
  });

  it('warns when no datum is declared and assumes WGS-84 (RFC 7946)', async () => {
    const dir = writeTestCounty(join(root, 'undeclared'));
    const result = await importCounty({ paths: [dir], dataDir: join(root, 'undeclared-data'), dryRun: true });
    expect(result.written).toBeNull();
    expect(result.report.of('crs')[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('WGS-84 assumed') });
  });

  it('imports a Shapefile zip exactly as its GeoJSON twin', async () => {
    const files = testCountyFiles();
    const geojson = writeTestCounty(join(root, 'twin-geojson'), files, { crs: 'wgs84' });
    const shapeDir = join(root, 'twin-shapefile');
    writeTestCounty(shapeDir, files);
    for (const level of ['grid', 'compound'] as const) {
      unlinkSync(join(shapeDir, `${level}.geojson`));
      const parts = writeShapefile(files[level].features, ['code', 'name']);
      writeFileSync(join(shapeDir, `${level}.zip`), zipSync({ [`${level}.shp`]: parts.shp, [`${level}.dbf`]: parts.dbf, [`${level}.cpg`]: parts.cpg, [`${level}.prj`]: parts.prj }));
    }
    writeFileSync(join(shapeDir, 'import.json'), JSON.stringify({ crs: 'wgs84' }));
    const fromGeoJson = await importCounty({ paths: [geojson], dataDir: join(root, 'twin-geojson-data'), now: new Date(0) });
    const fromShapefile = await importCounty({ paths: [shapeDir], dataDir: join(root, 'twin-shapefile-data'), now: new Date(0) });
    expect(fromShapefile.report.lines).toEqual([]);
    const strip = (county: StoredCounty) => ({ ...county, sources: [] });
    expect(strip(stored(join(root, 'twin-shapefile-data')))).toEqual(strip(stored(join(root, 'twin-geojson-data'))));
    expect(fromGeoJson.report.errors).toBe(0);
    expect(stored(join(root, 'twin-shapefile-data')).regions.find((r) => r.level === 'grid')!.name).toBe('01网格');
  });
});
