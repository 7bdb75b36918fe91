import type { ErrorBody } from '../shared/contract/http';

/** Errors are values at the boundary: a status, a stable machine code, a message naming the field. */
export const errorBody = (statusCode: number, error: string, message: string, extra: Partial<ErrorBody> = {}): ErrorBody => ({
  statusCode,
  error,
  message,
  ...extra,
});

/** Thrown by a store that cannot take the write right now (locked, disk error): the API answers 503. */
export class StoreUnavailableError extends Error {
  constructor(message: string, readonly retryAfterSeconds = 1) {
    super(message);
  }
}
