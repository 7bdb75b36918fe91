import { resolve } from 'node:path';
import type { TourFile } from '../../shared/contract/demo';
import { ConfigError } from '../ConfigError';
import { DEFAULT_TOUR_FILE } from '../config';
import { loadTour } from '../demo/loadTour';
import type { CountyIndex } from './CountyIndex';

/**
 * The tour for the county on screen. The default tour is written for the sample county: on an
 * imported county whose regions it does not name it is skipped with a warning saying so (the wall
 * still works, in free roam). A tour named in TOUR_FILE is the county's own and must fit: a bad stop
 * still refuses the start, exactly as on the sample.
 */
export const tourForCounty = async (
  file: string,
  county: Pick<CountyIndex, 'get' | 'data'>,
  log: { warn(message: string): void },
): Promise<TourFile | null> => {
  try {
    return await loadTour(file, county);
  } catch (error) {
    if (!(error instanceof ConfigError) || !county.data.imported || resolve(file) !== resolve(DEFAULT_TOUR_FILE)) throw error;
    log.warn(`${error.message} — the default tour is made for the sample county, so it is skipped on this imported county; write one for it and set TOUR_FILE (see README "Demo tour")`);
    return null;
  }
};
