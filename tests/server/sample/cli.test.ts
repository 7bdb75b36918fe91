import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

let out: string;
let stdout: string;
let stderr: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'jinlin-sample-cli-'));
  const tsx = join(repoRoot, 'node_modules/.bin/tsx');
  ({ stdout, stderr } = await run(tsx, ['server/sample/cli.ts', '--scale', '0.2', '--seed', '7', '--out', out], { cwd: repoRoot }));
}, 120_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('npm run sample (server/sample/cli.ts)', () => {
  it('writes the import format: one GeoJSON file per level, stations, the grids\' data pool and import.json', async () => {
    const files = (await readdir(out)).sort();
    expect(files).toEqual(['community.geojson', 'compound.geojson', 'context.geojson', 'county.geojson', 'grid-attributes.csv', 'grid.geojson', 'import.json', 'stations.geojson', 'street.geojson']);
    expect(JSON.parse(await readFile(join(out, 'import.json'), 'utf8'))).toMatchObject({ crs: 'gcj02' });
    const grid = JSON.parse(await readFile(join(out, 'grid.geojson'), 'utf8')) as { type: string; features: unknown[] };
    expect(grid.type).toBe('FeatureCollection');
    expect(grid).not.toHaveProperty('crs');
  });

  it('prints a JSON summary with counts and timings on stdout, and progress on stderr', async () => {
    const summary = JSON.parse(stdout) as { seed: number; scale: number; counts: Record<string, number>; timings: { generatedMs: number } };
    expect(summary).toMatchObject({ seed: 7, scale: 0.2 });
    expect(summary.counts).toMatchObject({ county: 1, street: 16, community: 44, context: 12 });
    const attributeRows = (await readFile(join(out, 'grid-attributes.csv'), 'utf8')).trim().split('\n');
    expect(attributeRows).toHaveLength(1 + summary.counts.grid!);
    const stations = JSON.parse(await readFile(join(out, 'stations.geojson'), 'utf8')) as { features: unknown[] };
    expect(stations.features).toHaveLength(summary.counts.stations!);
    expect(summary.timings.generatedMs).toBeGreaterThan(0);
    expect(stderr).toMatch(/\[sample\] compounds 44\/44/);
  });
});
