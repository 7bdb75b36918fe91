import { HttpError } from './HttpError';

/** The part of `fetch` the live layer uses; injected so tests and other hosts can supply their own. */
export type FetchLike = (url: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

const errorCodeOf = async (response: Response): Promise<string> => {
  try {
    const body = (await response.json()) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : 'http_error';
  } catch {
    return 'http_error';
  }
};

/** GET a JSON body; any non-2xx answer becomes an HttpError carrying the API's error code. */
export const getJson = async <T>(
  fetchFn: FetchLike,
  url: string,
  init: { signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<T> => {
  const response = await fetchFn(url, { signal: init.signal, headers: { accept: 'application/json', ...init.headers } });
  if (!response.ok) {
    const code = await errorCodeOf(response);
    throw new HttpError(response.status, code, `GET ${url} answered ${response.status} ${code}`);
  }
  return (await response.json()) as T;
};
