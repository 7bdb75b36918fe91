import { IDEMPOTENCY_HEADER } from '../../shared/contract/http';
import { sessionToken } from './claimSessionToken';

export interface ApiInit extends RequestInit {
  /** Past this the request is aborted with a TimeoutError (besides any `signal` given). */
  timeoutMs?: number;
  /** A command's own key, sent as Idempotency-Key: a retry of the same tap is applied once. */
  idempotencyKey?: string;
}

/**
 * The one `fetch` of the client: the screen's own API (same-origin paths), with this tab's token as
 * `Authorization: Bearer` (the only place the server accepts it: a token in a URL ends up in logs),
 * an optional timeout and an optional Idempotency-Key. Non-2xx answers are read by `apiErrorOf`.
 */
export const apiFetch = (path: string, init: ApiInit = {}, token: string | null = sessionToken()): Promise<Response> => {
  const { timeoutMs, idempotencyKey, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (idempotencyKey) headers.set(IDEMPOTENCY_HEADER, idempotencyKey);
  const signals = [rest.signal, timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs)].filter((s): s is AbortSignal => !!s);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  return fetch(path, { ...rest, headers, ...(signal ? { signal } : {}) });
};
