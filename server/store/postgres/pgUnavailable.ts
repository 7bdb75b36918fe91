import { StoreUnavailableError } from '../../errors';

/**
 * SQLSTATE classes that mean "the database cannot take this now" rather than "this write is wrong":
 * 08 connection, 53 resources, 57 operator intervention (shutdown, statement timeout), 40 conflicts.
 */
const UNAVAILABLE_CLASSES = ['08', '53', '57', '40'];

/** Node-side failures of a connection that never reached the server or lost it. */
const UNAVAILABLE_MESSAGES = [/timeout/i, /terminated/i, /ECONNREFUSED/, /ECONNRESET/, /not queryable/i, /Connection ended/i, /EPIPE/];

export const isPgUnavailable = (error: unknown): boolean => {
  const code = String((error as { code?: string }).code ?? '');
  if (code.length === 5 && UNAVAILABLE_CLASSES.includes(code.slice(0, 2))) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code)) return true;
  const message = (error as Error)?.message ?? '';
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
};

/** What the API answers 503 for; anything else (a constraint, a bug) stays the error it is. */
export const toStoreError = (error: unknown): Error => {
  if (error instanceof StoreUnavailableError) return error;
  if (isPgUnavailable(error)) {
    const code = (error as { code?: string }).code;
    return new StoreUnavailableError(`event store unavailable (postgres${code ? ` ${code}` : ''}: ${(error as Error).message})`);
  }
  return error as Error;
};
