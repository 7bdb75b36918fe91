import { fetchRegions, type MapLevel, type RegionCollection } from '../api/fetchRegions';
import { MAP_LEVELS } from './regionSources';
import { retryUntilDone } from './retryUntilDone';
import type { RegionsByLevel } from './showRegions';

/** Every level the map draws, fetched in parallel; rejects if any level fails. */
export const fetchMapRegions = async (signal?: AbortSignal): Promise<RegionsByLevel> => {
  const entries = await Promise.all(
    MAP_LEVELS.map(async (level): Promise<[MapLevel, RegionCollection]> => [level, await fetchRegions(level, { signal })]),
  );
  return Object.fromEntries(entries) as RegionsByLevel;
};

/**
 * Every level, retried until the server answers: a wall is switched on with the building and may come
 * up before its server. `onStatus` gets what the screen should say meanwhile.
 */
export const fetchMapRegionsUntilDone = (signal: AbortSignal, delayMs: number, onStatus: (message: string) => void): Promise<RegionsByLevel> =>
  retryUntilDone(fetchMapRegions, {
    delayMs,
    signal,
    onFailure: (error) => {
      console.error('map regions could not be loaded', error);
      onStatus(`地图数据加载失败，${delayMs / 1000} 秒后重试`);
    },
  });
