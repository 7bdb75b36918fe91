import type { FetchLike } from './getJson';

/** Where and how one API request goes: the server, its credentials, and when to give up on it. */
export interface RequestContext {
  fetch: FetchLike;
  baseUrl: string;
  headers: Record<string, string>;
  signal: AbortSignal;
}
