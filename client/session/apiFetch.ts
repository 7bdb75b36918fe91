import { sessionToken } from './claimSessionToken';

/**
 * `fetch` for the screen's own API, with this tab's token as `Authorization: Bearer` (the only
 * place the server accepts it: a token in a URL ends up in logs). Paths are same-origin.
 */
export const apiFetch = (path: string, init: RequestInit = {}, token: string | null = sessionToken()): Promise<Response> => {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(path, { ...init, headers });
};
