import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENERATOR_VERSION, generateCounty, type ProgressListener, type SampleCounty } from './generateCounty';
import type { ReferenceData } from './referenceData';

export interface LoadCountyOptions {
  /** Where the generated county is cached (the server's data dir). */
  dataDir: string;
  seed: number;
  scale: number;
  onProgress?: ProgressListener;
  /** Reference data already in memory; read from data/ when absent. */
  reference?: ReferenceData;
}

/** The cache file for one seed and scale; the generator version in the name retires stale caches. */
export const countyCachePath = (dataDir: string, seed: number, scale: number): string =>
  join(dataDir, `sample-county-v${GENERATOR_VERSION}-seed${seed}-scale${scale}.json`);

const looksLikeCounty = (value: unknown, seed: number, scale: number): value is SampleCounty => {
  const county = value as Partial<SampleCounty> | null;
  return (
    typeof county === 'object' &&
    county !== null &&
    county.seed === seed &&
    county.scale === scale &&
    Array.isArray(county.regions) &&
    Array.isArray(county.stations) &&
    typeof county.features === 'object'
  );
};

const readCached = async (path: string, seed: number, scale: number): Promise<SampleCounty | null> => {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return looksLikeCounty(parsed, seed, scale) ? parsed : null;
  } catch {
    // Missing, truncated or hand-edited: regenerating is always safe, it is deterministic.
    return null;
  }
};

/**
 * The sample county for a seed and scale: from the cache in `dataDir` when present, otherwise
 * generated and cached (written to a temporary file and renamed, so a crash never leaves half a file).
 */
export const loadOrGenerateCounty = async (options: LoadCountyOptions): Promise<SampleCounty> => {
  const path = countyCachePath(options.dataDir, options.seed, options.scale);
  const cached = await readCached(path, options.seed, options.scale);
  if (cached) {
    options.onProgress?.('cache', 1, 1);
    return cached;
  }
  const county = generateCounty(options);
  await mkdir(options.dataDir, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(county));
  await rename(temporary, path);
  return county;
};
