import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredCounty } from '../../../server/county/StoredCounty';
import { importCounty } from '../../../server/import/importCounty';
import { LEVELS, testCountyFiles, TEST_COUNTY_CODE, writeTestCounty, type TestFiles } from './testCountyFiles';

const root = mkdtempSync(join(tmpdir(), 'jinlin-import-recode-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The county's own numbering, e.g. S1.C3.K2.G4: nested by prefix, but not the 6/9/12/15/17-digit scheme. */
const ownCode = (code: string): string => {
  const parts = [code.slice(6, 9), code.slice(9, 12), code.slice(12, 15), code.slice(15, 17)].filter(Boolean);
  return code.length === 6 ? code : parts.map((part, i) => `${'SCKG'[i]}${Number(part)}`).join('.');
};

const ownScheme = (): TestFiles => {
  const files = testCountyFiles();
  for (const level of LEVELS) for (const feature of files[level].features) feature.properties.code = ownCode(feature.properties.code);
  files.attributes = files.attributes.replace(/^(\d{17}),/gm, (_, code: string) => `${ownCode(code)},`);
  return files;
};

describe('a county with its own code scheme', () => {
  it('is refused as it stands, naming the scheme', async () => {
    const dir = writeTestCounty(join(root, 'plain'), ownScheme(), { crs: 'wgs84' });
    const result = await importCounty({ paths: [dir], dataDir: join(root, 'plain-data') });
    expect(result.written).toBeNull();
    expect(result.report.of('code').map((l) => l.message)).toContainEqual(expect.stringMatching(/^S1: a street code has 9 digits, got "S1"/));
  });

  it('imports with --recode: renumbered by nesting, its own codes kept, the data pool followed', async () => {
    const dir = writeTestCounty(join(root, 'recode'), ownScheme(), { crs: 'wgs84' });
    const result = await importCounty({ paths: [dir], dataDir: join(root, 'recode-data'), recode: true });
    expect(result.report.lines.filter((l) => l.severity === 'error').slice(0, 3)).toEqual([]);
    expect(result.report.lines).toEqual([expect.objectContaining({ severity: 'warning', check: 'code', fixed: true, message: expect.stringContaining('340 divisions renumbered') })]);
    const stored = JSON.parse(readFileSync(join(root, 'recode-data', 'county.json'), 'utf8')) as StoredCounty;
    const grid = stored.features.grid.features.find((f) => f.properties.sourceCode === 'S1.C1.K1.G1')!;
    expect(grid.properties.code).toMatch(/^990101001001001\d\d$/);
    expect(stored.features.street.features.map((f) => [f.properties.code, f.properties.sourceCode])).toEqual([
      ['990101001', 'S1'],
      ['990101002', 'S2'],
      ['990101003', 'S3'],
      ['990101004', 'S4'],
    ]);
    const county = stored.regions.find((r) => r.code === TEST_COUNTY_CODE)!;
    expect(county.households).toBe(stored.regions.filter((r) => r.level === 'grid').reduce((sum, r) => sum + r.households, 0));
    expect(county.households).toBeGreaterThan(0);
  });
});
