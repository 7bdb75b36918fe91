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
  /** Thrown past a route (a revocation on a full disk), the error handler answers it as such. */
  readonly statusCode = 503;
  readonly code = 'store_unavailable';
  constructor(message: string, readonly retryAfterSeconds = 1) {
    super(message);
  }
}

/** A refusal raised below a route (e.g. by a body parser): the error handler answers it as is. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
