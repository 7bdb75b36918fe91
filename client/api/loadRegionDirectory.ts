import { ROUTES } from '../../shared/contract/http';
import type { RegionLevel } from '../../shared/domain/region';
import { apiFetch } from './apiFetch';
import { createRegionDirectory, type DirectoryEntry, type RegionDirectory } from '../stores/regionDirectory';

/** The levels below the county: the board names places by them, the tiles count them. */
const DIRECTORY_LEVELS: readonly RegionLevel[] = ['street', 'community', 'compound', 'grid'];
const RETRY_DELAY_MS = 5_000;

interface RegionProperties {
  code: string;
  name: string;
  hasBranch?: boolean;
}

const entriesOf = async (level: RegionLevel, token: string | null, signal: AbortSignal): Promise<DirectoryEntry[]> => {
  const url = `${ROUTES.regions}?level=${level}`;
  const response = await apiFetch(url, { headers: { accept: 'application/geo+json' }, signal }, token);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const body = (await response.json()) as { features?: { properties: RegionProperties }[] };
  if (!Array.isArray(body.features)) throw new Error(`GET ${url} did not answer a FeatureCollection`);
  return body.features.map(({ properties }) => ({
    code: properties.code,
    level,
    name: properties.name,
    hasBranch: properties.hasBranch ?? false,
  }));
};

const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * The region hierarchy as a name directory. It comes from the same GeoJSON the map loads (the
 * server answers a repeat with 304 by ETag); only names and branch flags are kept. Retries until
 * it succeeds, since a wall must fill in by itself once the server is back.
 */
export const loadRegionDirectory = async (token: string | null, signal: AbortSignal): Promise<RegionDirectory> => {
  for (;;) {
    try {
      const levels = await Promise.all(DIRECTORY_LEVELS.map((level) => entriesOf(level, token, signal)));
      return createRegionDirectory(levels.flat());
    } catch (error) {
      if (signal.aborted) throw error;
      console.error('the region directory could not be loaded', error);
      await pause(RETRY_DELAY_MS, signal);
    }
  }
};
