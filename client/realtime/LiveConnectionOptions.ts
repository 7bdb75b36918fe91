import { MAX_REPLAY_EVENTS } from '../../shared/contract/socket';
import { createSocket, DEFAULT_SOCKET_OPTIONS, type LiveSocketOptions, type SocketFactory } from './createSocket';
import { platformFetch, type FetchLike } from '../api/getJson';
import { systemTimers, type Timers } from './Timers';

export interface LiveConnectionOptions {
  /** Origin of the API and socket; '' (default) is the page's own origin. */
  baseUrl?: string;
  /** Region code to show first; omitted = the county the server serves. */
  scope?: string;
  /** Bearer token (or a getter, read at each request and connection, for a renewed one); none = anonymous. */
  token?: string | (() => string | undefined);
  fetch?: FetchLike;
  io?: SocketFactory;
  socketOptions?: LiveSocketOptions;
  /** Monotonic milliseconds (performance.now): staleness is judged on it alone. */
  monotonicNow?: () => number;
  /** Epoch milliseconds, only to tell the banner when data was last current. */
  wallNow?: () => number;
  timers?: Timers;
  /** Heartbeat intervals without a sign of life before the view is stale. */
  staleAfterBeats?: number;
  /** How often freshness is checked (and dataAgeMs reported). */
  watchdogMs?: number;
  /** Events per /events page when filling a gap. */
  pageLimit?: number;
  /** Behind by more than this and the snapshot is reloaded instead. */
  maxCatchUpEvents?: number;
  /** Ceiling of the back-off between failed HTTP attempts. */
  retryMaxMs?: number;
  /** How long a snapshot or events request may take before it is abandoned and retried. */
  requestTimeoutMs?: number;
  /** How long a view:subscribe may wait for its ack before it is sent again. */
  ackTimeoutMs?: number;
}

export type ResolvedLiveOptions = Required<Omit<LiveConnectionOptions, 'scope' | 'token'>> & { token: () => string | undefined };

const tokenGetter = (token: LiveConnectionOptions['token']): (() => string | undefined) =>
  typeof token === 'function' ? token : () => token;

const bearerOf = (token: string | undefined): { token?: string } => (token ? { token } : {});

/** Fills in the browser defaults; each is a closure so `fetch` and `performance.now` keep their receiver. */
export const resolveLiveOptions = (options: LiveConnectionOptions): ResolvedLiveOptions => {
  const token = tokenGetter(options.token);
  return {
    baseUrl: options.baseUrl ?? '',
    token,
    fetch: options.fetch ?? platformFetch,
    io: options.io ?? createSocket,
    // A function, so each reconnection presents the token current at that moment.
    socketOptions: { ...DEFAULT_SOCKET_OPTIONS, auth: (send) => send(bearerOf(token())), ...options.socketOptions },
    monotonicNow: options.monotonicNow ?? (() => performance.now()),
    wallNow: options.wallNow ?? (() => Date.now()),
    timers: options.timers ?? systemTimers,
    staleAfterBeats: options.staleAfterBeats ?? 2,
    watchdogMs: options.watchdogMs ?? 1000,
    pageLimit: options.pageLimit ?? 1000,
    maxCatchUpEvents: options.maxCatchUpEvents ?? MAX_REPLAY_EVENTS,
    retryMaxMs: options.retryMaxMs ?? 15_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
    ackTimeoutMs: options.ackTimeoutMs ?? 10_000,
  };
};
