/** A non-2xx answer from the API, keeping the stable `error` code so callers can tell 404 from 503. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * Whether the screen gets no service at all: fetch rejects with a TypeError when the network is
 * down; a timeout or a 5xx is a server not serving; 401/403 is a server refusing this screen.
 */
export const isServiceDown = (error: Error): boolean =>
  error instanceof TypeError ||
  error.name === 'TimeoutError' ||
  (error instanceof HttpError && (error.status >= 500 || error.status === 401 || error.status === 403));
