import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCountyIndex } from '../../../server/county/loadCountyIndex';
import { generateCounty } from '../../../server/sample/generateCounty';
import { distanceToBoundaryM } from '../../../shared/logic/geo/distanceToBoundaryM';
import { testCountyFiles, writeTestCounty } from './testCountyFiles';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const run = promisify(execFile);

/** Runs a CLI and returns its exit code and output instead of throwing on a non-zero exit. */
const cli = async (script: string, args: string[]) => {
  try {
    const { stdout, stderr } = await run(tsx, [script, ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

const root = mkdtempSync(join(tmpdir(), 'jinlin-import-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run import (server/import/cli.ts)', () => {
  describe('on the output of npm run sample (the generator is one producer of the import format)', () => {
    let result: Awaited<ReturnType<typeof cli>>;
    beforeAll(async () => {
      const generated = await cli('server/sample/cli.ts', ['--scale', '0.2', '--seed', '7', '--out', join(root, 'sample')]);
      expect(generated.code).toBe(0);
      result = await cli('server/import/cli.ts', [join(root, 'sample'), '--data-dir', join(root, 'sample-data')]);
    }, 180_000);

    it('imports it with warnings at most (exit 0) and says how the server picks it up', () => {
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^0 error\(s\), \d+ warning\(s\) — 1 county, 16 street, 44 community/m);
      expect(result.stdout).toMatch(/imported into .*county\.json; restart the server/);
      expect(result.stderr).toMatch(/\[import\] checking overlaps and gaps/);
    });

    it('ends with the same regions, figures and stations, within a metre of where the generator put them', async () => {
      const original = generateCounty({ seed: 7, scale: 0.2 });
      const imported = await loadCountyIndex({ dataDir: join(root, 'sample-data'), sampleSeed: 1, sampleScale: 1 });
      expect(imported.data.imported).toBe(true);
      expect(imported.regions().map((r) => [r.code, r.name, r.level, r.households, r.residents, r.partyMembers, r.hasBranch, r.sample])).toEqual(
        original.regions.map((r) => [r.code, r.name, r.level, r.households, r.residents, r.partyMembers, r.hasBranch, r.sample]),
      );
      const station = original.stations[5]!;
      const back = imported.data.stations.find((s) => s.id === station.id)!;
      expect(back).toMatchObject({ type: station.type, regionCode: station.regionCode, hours: station.hours });
      const point = { type: 'Polygon' as const, coordinates: [[[back.location.lng, back.location.lat], [back.location.lng, back.location.lat], [back.location.lng, back.location.lat], [back.location.lng, back.location.lat]]] };
      expect(distanceToBoundaryM([station.location.lng, station.location.lat], point)).toBeLessThan(1);
      const grid = original.regions.find((r) => r.level === 'grid')!;
      expect(imported.locateGrid(grid.centroid[0], grid.centroid[1])).toBe(grid.code);
    });

    it('writes the JSON report next to the county', () => {
      const report = JSON.parse(readFileSync(join(root, 'sample-data', 'import-report.json'), 'utf8')) as { ok: boolean; errors: number; counts: Record<string, number>; lines: unknown[] };
      expect(report).toMatchObject({ ok: true, errors: 0, counts: { county: 1, street: 16, community: 44 } });
    });
  });

  it('refuses a broken county with exit 1, the errors in a table and in the report, and writes no county', async () => {
    const files = testCountyFiles();
    files.grid.features[7]!.properties.name = '';
    const dir = writeTestCounty(join(root, 'broken'), files, { crs: 'wgs84' });
    const result = await cli('server/import/cli.ts', [dir, '--data-dir', join(root, 'broken-data'), '--report', join(root, 'broken-report.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ERROR\s+name\s+grid\.geojson\s+\d{17}: the grid has no name/m);
    expect(result.stdout).toMatch(/refused: nothing was written/);
    const report = JSON.parse(readFileSync(join(root, 'broken-report.json'), 'utf8')) as { ok: boolean; written: unknown; lines: { check: string }[] };
    expect(report).toMatchObject({ ok: false, written: null, lines: [{ check: 'name' }] });
  }, 60_000);

  it('answers bad usage with exit 2 and the usage line', async () => {
    const result = await cli('server/import/cli.ts', [join(root, 'broken'), '--crs', 'bd08']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--crs: "bd08" is not one of wgs84, gcj02, cgcs2000, bd09\nusage: npm run import/);
  }, 60_000);
});
