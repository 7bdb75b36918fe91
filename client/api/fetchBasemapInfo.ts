import { BASEMAP_PATHS, type BasemapInfo } from '../../shared/contract/basemap';
import { apiErrorOf } from './apiErrorOf';
import { apiFetch } from './apiFetch';

/** GET /basemap/info.json: what basemap the server offers ({ kind: 'none' } when BASEMAP is unset). */
export const fetchBasemapInfo = async (signal?: AbortSignal): Promise<BasemapInfo> => {
  const response = await apiFetch(BASEMAP_PATHS.info, { signal, timeoutMs: 10_000 });
  if (!response.ok) throw new Error(`GET ${BASEMAP_PATHS.info} answered ${(await apiErrorOf(response)).code}`);
  return (await response.json()) as BasemapInfo;
};
