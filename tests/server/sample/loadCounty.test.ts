import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATOR_VERSION } from '../../../server/sample/generateCounty';
import { countyCachePath, loadOrGenerateCounty } from '../../../server/sample/loadCounty';
import { reference } from './sampleCountyFixture';

/** A small scale keeps each generation quick; caching does not depend on size. */
const SCALE = 0.2;

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'jinlin-county-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const stagesOf = async (seed: number) => {
  const stages: string[] = [];
  const county = await loadOrGenerateCounty({ dataDir, seed, scale: SCALE, reference, onProgress: (stage) => stages.push(stage) });
  return { county, stages: [...new Set(stages)] };
};

describe('loadOrGenerateCounty', () => {
  it('generates on first use and caches the county under a name with seed, scale and generator version', async () => {
    const first = await stagesOf(3);
    expect(first.stages).toContain('compounds');
    expect(await readdir(dataDir)).toEqual([`sample-county-v${GENERATOR_VERSION}-seed3-scale${SCALE}.json`]);
    expect(countyCachePath(dataDir, 3, SCALE)).toBe(join(dataDir, `sample-county-v${GENERATOR_VERSION}-seed3-scale${SCALE}.json`));
  });

  it('reuses the cache the second time, returning the same county without generating', async () => {
    const first = await stagesOf(3);
    const second = await stagesOf(3);
    expect(second.stages).toEqual(['cache']);
    expect(JSON.stringify(second.county)).toBe(JSON.stringify(first.county));
  });

  it('keeps seeds apart and regenerates over a corrupt cache file', async () => {
    await stagesOf(3);
    await writeFile(countyCachePath(dataDir, 4, SCALE), '{"seed": 4, "trunc');
    const other = await stagesOf(4);
    expect(other.stages).toContain('compounds');
    expect(other.county.seed).toBe(4);
    expect((await readdir(dataDir)).sort()).toHaveLength(2);
  });
});
