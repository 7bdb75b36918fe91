import type { Config } from '../config';
import { createPointIndex } from '../../shared/logic/geo/createPointIndex';
import { loadOrGenerateCounty } from '../sample/loadCounty';
import { CountyIndex, type CountyData } from './CountyIndex';
import { readImportedCounty } from './readImportedCounty';

/**
 * The county the server shows: the one imported into the data dir (`npm run import`) when there is
 * one, else the sample county, generated once per seed and scale and cached. Indexed for point lookups.
 */
export const loadCountyIndex = async (
  config: Pick<Config, 'dataDir' | 'sampleSeed' | 'sampleScale'>,
  onProgress?: (stage: string, done: number, total: number) => void,
): Promise<CountyIndex> => {
  const imported = await readImportedCounty(config.dataDir);
  const county: CountyData =
    imported ??
    ((await loadOrGenerateCounty({ dataDir: config.dataDir, seed: config.sampleSeed, scale: config.sampleScale, onProgress })) as unknown as CountyData);
  if (imported) onProgress?.('imported', 1, 1);
  const index = createPointIndex(county.features.grid.features as Parameters<typeof createPointIndex>[0]);
  return new CountyIndex(county, (lng, lat) => index.find(lng, lat));
};
