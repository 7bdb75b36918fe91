import { getHeapStatistics } from 'node:v8';
import { ConfigError } from '../ConfigError';

/**
 * Abuse and overload limits (README "Limits"). Defaults are generous: a county's field apps, the
 * e2e suite and the simulator (which calls IngestService directly) never meet them; benches that
 * post tens of thousands of requests a minute raise them or turn them off (0).
 */
export interface Limits {
  /** Whole request headers must arrive within this (slowloris). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A socket silent this long is closed (above Socket.IO's 45 s ping window, so long polls live). */
  socketIdleTimeoutMs: number;
  /** On SIGTERM, in-flight requests get this long before every connection is cut. */
  shutdownDrainMs: number;
  /** Writes (POST/PUT/PATCH/DELETE) per minute per token, and per client address; 0 = unlimited. */
  writesPerMinutePerToken: number;
  writesPerMinutePerAddress: number;
  /** Token issuing (the admin "login") per minute per address; 0 = unlimited. */
  loginsPerMinutePerAddress: number;
  /** view:subscribe per minute per socket; 0 = unlimited. */
  subscribesPerMinutePerSocket: number;
  /** Answer 503 when the event loop lags more than this (ms); 0 = off. */
  maxEventLoopDelayMs: number;
  /** Answer 503 when the V8 heap holds more than this (bytes; default 90 % of the heap limit); 0 = off. */
  maxHeapUsedBytes: number;
}

type Env = Record<string, string | undefined>;

const wholeNumber = (env: Env, name: string, fallback: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new ConfigError(`${name} must be an integer from 0 to ${max}, got "${raw}"`);
  return value;
};

const positive = (env: Env, name: string, fallback: number, max: number): number => {
  const value = wholeNumber(env, name, fallback, max);
  if (value === 0) throw new ConfigError(`${name} must be above 0, got "${env[name]}"`);
  return value;
};

const MINUTE_MAX = 10_000_000;

export const loadLimits = (env: Env): Limits => {
  const requestTimeoutMs = positive(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 600_000);
  const headersTimeoutMs = positive(env, 'HTTP_HEADERS_TIMEOUT_MS', Math.min(10_000, requestTimeoutMs), 600_000);
  // Node refuses a headers timeout above the request timeout.
  if (headersTimeoutMs > requestTimeoutMs) throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  return {
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: positive(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 10_000, 600_000),
    socketIdleTimeoutMs: positive(env, 'HTTP_IDLE_TIMEOUT_MS', 60_000, 3_600_000),
    shutdownDrainMs: positive(env, 'SHUTDOWN_DRAIN_MS', 5_000, 8_000),
    writesPerMinutePerToken: wholeNumber(env, 'RATE_LIMIT_WRITES_PER_TOKEN', 6_000, MINUTE_MAX),
    writesPerMinutePerAddress: wholeNumber(env, 'RATE_LIMIT_WRITES_PER_ADDRESS', 12_000, MINUTE_MAX),
    loginsPerMinutePerAddress: wholeNumber(env, 'RATE_LIMIT_LOGINS_PER_ADDRESS', 60, MINUTE_MAX),
    subscribesPerMinutePerSocket: wholeNumber(env, 'RATE_LIMIT_SUBSCRIBES_PER_SOCKET', 120, MINUTE_MAX),
    maxEventLoopDelayMs: wholeNumber(env, 'PRESSURE_MAX_EVENT_LOOP_DELAY_MS', 1_000, 600_000),
    maxHeapUsedBytes: wholeNumber(env, 'PRESSURE_MAX_HEAP_BYTES', Math.round(getHeapStatistics().heap_size_limit * 0.9), 2 ** 40),
  };
};
