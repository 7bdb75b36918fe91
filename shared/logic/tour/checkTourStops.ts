import type { TourFile } from '../../contract/demo';

/** How a stop is named in messages: its number counted from 1, as a person reads the file, and its id. */
export const tourStopLabel = (index: number, id: unknown): string =>
  typeof id === 'string' ? `stop ${index + 1} "${id}"` : `stop ${index + 1}`;

/**
 * What a schema cannot see: every stop's region exists in the county on screen, and stop ids are
 * unique (presenters and messages name stops by id). Returns the first problem, or null.
 */
export const checkTourStops = (file: TourFile, regionExists: (code: string) => boolean): string | null => {
  const firstById = new Map<string, number>();
  for (const [index, stop] of file.stops.entries()) {
    const label = tourStopLabel(index, stop.id);
    const earlier = firstById.get(stop.id);
    if (earlier !== undefined) return `${label}: id "${stop.id}" is already used by stop ${earlier + 1}`;
    firstById.set(stop.id, index);
    if (!regionExists(stop.region)) return `${label}: region ${stop.region} is not in the county`;
  }
  return null;
};
