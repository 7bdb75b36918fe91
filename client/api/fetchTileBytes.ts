import { apiFetch } from './apiFetch';

/** One basemap tile's bytes from our origin, or null where there is none (204, 404). */
export const fetchTileBytes = async (path: string, signal: AbortSignal): Promise<ArrayBuffer | null> => {
  const response = await apiFetch(path, { signal, timeoutMs: 30_000 });
  if (response.status === 204 || response.status === 404) return null;
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return response.arrayBuffer();
};
