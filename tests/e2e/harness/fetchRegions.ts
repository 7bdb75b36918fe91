import type { RegionCollection } from '../../../client/api/fetchRegions';

/** GET /api/v1/regions for one level, optionally only inside `within`; throws on any non-2xx answer. */
export const fetchRegions = async (
  origin: string,
  level: string,
  options: { within?: string; headers?: Record<string, string> } = {},
): Promise<RegionCollection> => {
  const query = new URLSearchParams({ level, ...(options.within ? { within: options.within } : {}) });
  const response = await fetch(`${origin}/api/v1/regions?${query}`, { headers: options.headers ?? {} });
  if (!response.ok) throw new Error(`regions ${query}: ${response.status}`);
  return (await response.json()) as RegionCollection;
};
