import type { ServerOptions } from 'node:http';
import type { Limits } from './limitsConfig';

/**
 * Fastify's own defaults turn Node's request timeout off, so one client that sends half its headers
 * or a body shorter than its content-length holds a connection (and its buffers) for ever, and
 * keeps a graceful close from finishing. These bound every phase of a request.
 */
export interface ServerTimeouts {
  connectionTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  http: ServerOptions;
}

export const serverTimeouts = (limits: Limits): ServerTimeouts => ({
  connectionTimeout: limits.socketIdleTimeoutMs,
  requestTimeout: limits.requestTimeoutMs,
  keepAliveTimeout: limits.keepAliveTimeoutMs,
  // Node checks the header and request deadlines on this interval (30 s by default).
  http: { headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs) },
});
