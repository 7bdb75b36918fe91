/**
 * What one attempt at sending an action tells us:
 * - done: it happened (including the server replaying the first answer to a retried key);
 * - retry: nothing definite — no answer, a timeout, or a server that is busy or down — so the
 *   same request, with the same Idempotency-Key, may be sent again without doing it twice;
 * - failed: the server refused it (409 the incident moved on, 403 out of scope, 422 …); sending
 *   it again would be refused again, so the leader must be told.
 */
export type AttemptVerdict = 'done' | 'retry' | 'failed';

/** 408 timeout, 425 too early, 429 too many: the server did not decide anything. */
const UNDECIDED = new Set([408, 425, 429]);

export const verdictOf = (status: number): AttemptVerdict => {
  if (status >= 200 && status < 300) return 'done';
  if (status >= 500 || UNDECIDED.has(status)) return 'retry';
  return 'failed';
};

export const RETRY_BASE_MS = 1000;
export const RETRY_MAX_MS = 30_000;
/** ±20 %, so tablets that lost the same 4G cell do not all come back in step. */
const JITTER = 0.2;

/**
 * Wait before attempt `failures + 1`: doubling from 1 s to at most 30 s (a tablet on bad 4G
 * must not drain its battery or the server), jittered, and never sooner than the server's
 * Retry-After when it gave one.
 */
export const retryDelayMs = (failures: number, random: () => number, retryAfterMs: number | null = null): number => {
  const backoff = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  const jittered = backoff * (1 - JITTER + 2 * JITTER * random());
  return Math.round(Math.min(RETRY_MAX_MS, Math.max(jittered, retryAfterMs ?? 0)));
};

/** `Retry-After: <seconds>` in ms; the date form and anything malformed count as absent. */
export const retryAfterMsOf = (header: string | null): number | null => {
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return null;
  return Number(header.trim()) * 1000;
};
