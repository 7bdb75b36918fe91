import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { ROUTES } from '../../shared/contract/http';
import type { RegionLevel } from '../../shared/domain/region';
import { apiFetch } from './apiFetch';

/** The hierarchy's levels plus `context`, the neighbouring districts drawn around the county. */
export type MapLevel = RegionLevel | 'context';

export interface RegionProperties {
  code: string;
  level: MapLevel;
  name: string;
  parentCode: string | null;
  sample: boolean;
  households?: number;
  residents?: number;
  partyMembers?: number;
  hasBranch?: boolean;
}

export type RegionFeature = Feature<Polygon | MultiPolygon, RegionProperties>;
export type RegionCollection = FeatureCollection<Polygon | MultiPolygon, RegionProperties>;

/** GET /api/v1/regions for one level (optionally only inside `within`); throws on any non-2xx answer. */
export const fetchRegions = async (
  level: MapLevel,
  options: { within?: string; signal?: AbortSignal } = {},
): Promise<RegionCollection> => {
  const query = new URLSearchParams({ level });
  if (options.within) query.set('within', options.within);
  // With this tab's token: a street leader's map must load even where anonymous walls are turned off.
  const response = await apiFetch(`${ROUTES.regions}?${query}`, {
    headers: { accept: 'application/geo+json, application/json' },
    signal: options.signal,
  });
  if (!response.ok) throw new Error(`GET ${ROUTES.regions}?${query} answered ${response.status}`);
  const body = (await response.json()) as RegionCollection;
  if (body?.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    throw new Error(`GET ${ROUTES.regions}?${query} did not answer a FeatureCollection`);
  }
  return body;
};
