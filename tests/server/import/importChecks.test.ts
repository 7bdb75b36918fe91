import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportLine } from '../../../server/import/ImportReport';
import { importCounty } from '../../../server/import/importCounty';
import { gridCodeAt, latticeRing, testCountyFiles, writeTestCounty, type TestFiles } from './testCountyFiles';

const root = mkdtempSync(join(tmpdir(), 'jinlin-import-checks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let runs = 0;

/** Imports the test county with one thing broken by `breakIt`, into a fresh data dir. */
const importBroken = async (breakIt: (files: TestFiles) => void) => {
  const dir = join(root, `case-${++runs}`);
  const files = testCountyFiles();
  breakIt(files);
  writeTestCounty(join(dir, 'in'), files, { crs: 'wgs84' });
  const result = await importCounty({ paths: [join(dir, 'in')], dataDir: join(dir, 'data') });
  return { ...result, lines: result.report.lines, dataDir: join(dir, 'data') };
};

const grid = (files: TestFiles, i: number, j: number) => files.grid.features.find((f) => f.properties.code === gridCodeAt(i, j))!;
const only = (lines: ReportLine[]) => lines.map(({ severity, check }) => `${severity} ${check}`);

describe('the import checks, one broken file per kind', () => {
  it('refuses a code used twice, naming both places', async () => {
    const { lines, written } = await importBroken((files) => {
      grid(files, 1, 0).properties.code = gridCodeAt(0, 0);
    });
    expect(written).toBeNull();
    expect(lines).toContainEqual(expect.objectContaining({ severity: 'error', check: 'code', code: gridCodeAt(0, 0), message: expect.stringContaining('used twice') }));
  });

  it('refuses a code of the wrong length and a code that does not start with its parent\'s', async () => {
    const { lines, written } = await importBroken((files) => {
      grid(files, 0, 0).properties.code = gridCodeAt(0, 0).slice(0, 16);
      grid(files, 1, 0).properties.parentCode = '990101001001002';
    });
    expect(written).toBeNull();
    expect(lines).toContainEqual(expect.objectContaining({ check: 'code', message: expect.stringContaining('a grid code has 17 digits') }));
    expect(lines).toContainEqual(expect.objectContaining({ check: 'code', code: gridCodeAt(1, 0), message: expect.stringContaining("does not start with its parent's code 990101001001002") }));
  });

  it('refuses an empty name', async () => {
    const { lines, written } = await importBroken((files) => {
      files.community.features[2]!.properties.name = '  ';
    });
    expect(written).toBeNull();
    expect(lines).toEqual([expect.objectContaining({ severity: 'error', check: 'name', code: files2Code(2), message: expect.stringContaining('has no name') })]);
  });

  it('closes an unclosed ring and rewinds a clockwise one, says so, and imports', async () => {
    const { lines, written } = await importBroken((files) => {
      (grid(files, 0, 0).geometry as Polygon).coordinates[0]!.pop();
      files.street.features[0]!.geometry.coordinates[0]!.reverse();
    });
    expect(written).not.toBeNull();
    expect(lines).toEqual([
      expect.objectContaining({ severity: 'warning', check: 'ring', fixed: true, file: expect.stringMatching(/grid\.geojson$/), message: expect.stringContaining('unclosed ring closed') }),
      expect.objectContaining({ severity: 'warning', check: 'ring', fixed: true, file: expect.stringMatching(/street\.geojson$/), message: expect.stringContaining('rewound') }),
    ]);
  });

  it('refuses a self-intersecting ring and says where it crosses', async () => {
    const { lines, written } = await importBroken((files) => {
      const ring = grid(files, 5, 5).geometry.coordinates[0]!;
      // A bow tie: the top two corners swapped.
      [ring[2], ring[3]] = [ring[3]!, ring[2]!];
    });
    expect(written).toBeNull();
    const line = lines.find((l) => l.check === 'ring')!;
    expect(line).toMatchObject({ severity: 'error', code: gridCodeAt(5, 5), message: expect.stringContaining('intersects itself') });
    expect(line.where![0]).toBeCloseTo(119.2275, 3);
  });

  it('refuses a grid reaching 100 m outside its compound, and lets 2 m pass within the 10 m tolerance', async () => {
    const far = await importBroken((files) => {
      grid(files, 0, 0).geometry.coordinates[0]![0] = [119.2 - 0.001, 26.0];
      grid(files, 0, 0).geometry.coordinates[0]!.splice(-1, 1, [119.2 - 0.001, 26.0]);
    });
    expect(far.written).toBeNull();
    const line = far.lines.find((l) => l.check === 'containment')!;
    expect(line).toMatchObject({ severity: 'error', code: gridCodeAt(0, 0), where: [119.199, 26] });
    expect(line.message).toMatch(/reaches 99\.9 m outside its compound 990101001001001 \(tolerance 10 m\)/);
    const near = await importBroken((files) => {
      grid(files, 0, 0).geometry.coordinates[0]![0] = [119.2 - 0.00002, 26.0];
      grid(files, 0, 0).geometry.coordinates[0]!.splice(-1, 1, [119.2 - 0.00002, 26.0]);
    });
    expect(near.lines.filter((l) => l.check === 'containment')).toEqual([]);
  });

  it('refuses siblings that overlap, with the area in m² and where', async () => {
    const { lines, written } = await importBroken((files) => {
      grid(files, 1, 0).geometry.coordinates = [latticeRing(0, 0, 2, 1)];
    });
    expect(written).toBeNull();
    const line = lines.find((l) => l.check === 'overlap')!;
    expect(line).toMatchObject({ severity: 'error', message: expect.stringContaining(`${gridCodeAt(0, 0)} and ${gridCodeAt(1, 0)}`) });
    // One cell: 0.005° × 0.0055° at 26° N ≈ 500 m × 612 m.
    expect(line.areaM2).toBeGreaterThan(300_000);
    expect(line.areaM2).toBeLessThan(310_000);
    expect(line.where![0]).toBeGreaterThan(119.2);
    expect(line.where![0]).toBeLessThan(119.205);
  });

  it('warns of a gap between grids with its area and where, and still imports', async () => {
    const { lines, written } = await importBroken((files) => {
      const half = 26.0 + 0.0055 / 2;
      grid(files, 0, 0).geometry.coordinates = [[[119.2, 26.0], [119.205, 26.0], [119.205, half], [119.2, half], [119.2, 26.0]]];
    });
    expect(written).not.toBeNull();
    expect(only(lines)).toEqual(['warning gap']);
    expect(lines[0]!.areaM2).toBeGreaterThan(150_000);
    expect(lines[0]!.where![1]).toBeGreaterThan(26.00275);
    expect(lines[0]!.message).toMatch(/990101001001001: \d+ m² covered by none of its grids/);
  });

  it('refuses a station outside the county', async () => {
    const { lines, written } = await importBroken((files) => {
      files.stations = files.stations.replace(/,RS-2,[0-9.]+,/, ',RS-2,118.5,');
    });
    expect(written).toBeNull();
    expect(lines).toEqual([expect.objectContaining({ severity: 'error', check: 'station', code: 'RS-2', message: expect.stringContaining('outside the county 990101') })]);
  });

  it('refuses data-pool rows for grids the import does not have, or that are not counts', async () => {
    const { lines, written } = await importBroken((files) => {
      files.attributes += '99010100400400409,10,20,1,1\n';
      files.attributes = files.attributes.replace(`${gridCodeAt(0, 0)},100,`, `${gridCodeAt(0, 0)},lots,`);
    });
    expect(written).toBeNull();
    expect(lines.map((l) => l.message)).toEqual([
      expect.stringMatching(/line 2: households of grid 99010100100100101 must be a whole number ≥ 0, got "lots"/),
      expect.stringMatching(/line 258: grid 99010100400400409 is not in the import/),
      expect.stringMatching(/1 of 256 grids have no attributes row/),
    ]);
  });

  it('reports an unreadable file and a file it does not know', async () => {
    const { lines, written } = await importBroken(() => undefined);
    expect(written).not.toBeNull();
    const dir = join(root, `case-${runs}`, 'in');
    writeFileSync(join(dir, 'compound.geojson'), '{"type": "FeatureCollection", "features": [');
    writeFileSync(join(dir, 'roads.geojson'), '{}');
    const again = await importCounty({ paths: [dir], dataDir: join(root, `case-${runs}`, 'data') });
    expect(lines).toEqual([]);
    expect(again.written).toBeNull();
    expect(only(again.report.lines.filter((l) => l.check === 'read'))).toEqual(['error read', 'warning read']);
  });

  it('leaves the county already in the data dir untouched when it refuses a new one', async () => {
    const good = await importBroken(() => undefined);
    const before = readFileSync(good.written!, 'utf8');
    const dir = join(root, `case-${runs}`);
    const files = testCountyFiles();
    files.grid.features[0]!.properties.name = '';
    writeTestCounty(join(dir, 'broken'), files);
    const refused = await importCounty({ paths: [join(dir, 'broken')], dataDir: good.dataDir });
    expect(refused.written).toBeNull();
    expect(readFileSync(good.written!, 'utf8')).toBe(before);
    expect(readdirSync(good.dataDir)).toEqual(['county.json']);
  });
});

const files2Code = (index: number) => testCountyFiles().community.features[index]!.properties.code;
