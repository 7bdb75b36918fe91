import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../shared/contract/http';
import { ApiError } from '../errors';
import type { Limits } from './limitsConfig';

const RETRY_AFTER_SECONDS = 5;
/** Liveness and metrics keep answering: an orchestrator must not kill a server for being busy. */
const ALWAYS_ANSWERED = new Set<string>([ROUTES.health, ROUTES.metrics]);

/**
 * Load shedding with @fastify/under-pressure: while the event loop lags or the heap runs high, new
 * requests get 503 service_unavailable with Retry-After (nothing about the process is exposed).
 */
export const installUnderPressure = async (app: FastifyInstance, limits: Limits): Promise<void> => {
  if (limits.maxEventLoopDelayMs === 0 && limits.maxHeapUsedBytes === 0) return;
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxHeapUsedBytes: limits.maxHeapUsedBytes,
    pressureHandler: (request, reply, type, value) => {
      if (ALWAYS_ANSWERED.has(request.url.split('?')[0] ?? '')) return;
      // No delay sample in the last interval means one long block (a county load, a reset), not a
      // loop that is lagging now: we are answering this request, so let it through.
      if (type === 'eventLoopDelay' && !Number.isFinite(value)) return;
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      // A rejection goes to the one error handler, which answers it with our code.
      return Promise.reject(new ApiError(503, 'service_unavailable', 'the server is overloaded; retry after Retry-After'));
    },
  });
};
