import { fetchRegions, type MapLevel, type RegionCollection } from './fetchRegions';
import { MAP_LEVELS } from '../map/regions/regionSources';
import { retryUntilDone } from './retryUntilDone';
import type { RegionsByLevel } from '../map/regions/showRegions';

/** Every level the map draws, fetched in parallel; rejects if any level fails. */
export const fetchMapRegions = async (signal?: AbortSignal): Promise<RegionsByLevel> => {
  const entries = await Promise.all(
    MAP_LEVELS.map(async (level): Promise<[MapLevel, RegionCollection]> => [level, await fetchRegions(level, { signal })]),
  );
  return Object.fromEntries(entries) as RegionsByLevel;
};

/**
 * Every level, retried until the server answers: a wall is switched on with the building and may come
 * up before its server. `onRetry` hears of each failure and the seconds until the next try, for the screen to say.
 */
export const fetchMapRegionsUntilDone = (signal: AbortSignal, delayMs: number, onRetry: (retryInSeconds: number) => void): Promise<RegionsByLevel> =>
  retryUntilDone(fetchMapRegions, {
    delayMs,
    signal,
    onFailure: (error) => {
      console.error('map regions could not be loaded', error);
      onRetry(delayMs / 1000);
    },
  });
