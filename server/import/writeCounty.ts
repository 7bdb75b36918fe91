import { mkdir, open, rename, rm } from 'node:fs/promises';
import { importedCountyPath } from '../county/importedCountyFile';
import type { StoredCounty } from '../county/StoredCounty';

/**
 * Swaps the county in atomically: written in full to a temporary file in the same folder, flushed
 * to disk, then renamed over DATA_DIR/county.json. A crash at any point leaves the old county (or
 * none) in place, never half of the new one; a stray temporary file is removed on failure.
 */
export const writeCounty = async (dataDir: string, county: StoredCounty): Promise<string> => {
  await mkdir(dataDir, { recursive: true });
  const target = importedCountyPath(dataDir);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(JSON.stringify(county));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
};
