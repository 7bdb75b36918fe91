import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where `npm run import` puts a county: one file in the data dir, replaced by rename so a server
 * (re)starting at any moment reads the old county or the new one, never half of either.
 */
export const IMPORTED_COUNTY_FILE = 'county.json';

export const importedCountyPath = (dataDir: string): string => join(dataDir, IMPORTED_COUNTY_FILE);

/** Whether the data dir holds an imported county (the server then serves it instead of the sample). */
export const hasImportedCounty = (dataDir: string): boolean => existsSync(importedCountyPath(dataDir));
