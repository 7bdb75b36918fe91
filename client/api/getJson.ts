import { apiErrorOf } from './apiErrorOf';
import { HttpError } from './HttpError';

/** The part of `fetch` the live layer uses; injected so tests and other hosts can supply their own. */
export type FetchLike = (url: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

/** The platform's fetch, for hosts that inject none (the lint keeps every other `fetch` in client/api/). */
export const platformFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

/** GET a JSON body; any non-2xx answer becomes an HttpError carrying the API's error code. */
export const getJson = async <T>(
  fetchFn: FetchLike,
  url: string,
  init: { signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<T> => {
  const response = await fetchFn(url, { signal: init.signal, headers: { accept: 'application/json', ...init.headers } });
  if (!response.ok) {
    const { code } = await apiErrorOf(response);
    throw new HttpError(response.status, code, `GET ${url} answered ${response.status} ${code}`);
  }
  return (await response.json()) as T;
};
