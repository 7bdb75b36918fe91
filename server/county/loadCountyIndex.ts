import type { Config } from '../config';
import { createPointIndex } from '../../shared/logic/geo/createPointIndex';
import { loadOrGenerateCounty } from '../sample/loadCounty';
import { CountyIndex, type CountyData } from './CountyIndex';

/** The demo county: generated once per seed and scale, cached in the data dir, indexed for point lookups. */
export const loadCountyIndex = async (
  config: Pick<Config, 'dataDir' | 'sampleSeed' | 'sampleScale'>,
  onProgress?: (stage: string, done: number, total: number) => void,
): Promise<CountyIndex> => {
  const county = await loadOrGenerateCounty({
    dataDir: config.dataDir,
    seed: config.sampleSeed,
    scale: config.sampleScale,
    onProgress,
  });
  const index = createPointIndex(county.features.grid.features);
  return new CountyIndex(county as unknown as CountyData, (lng, lat) => index.find(lng, lat));
};
