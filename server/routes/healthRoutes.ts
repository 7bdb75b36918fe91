import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../shared/contract/http';
import type { LiveState } from '../live/LiveState';
import type { Metrics } from '../metrics/Metrics';
import type { EventStore } from '../store/EventStore';

/** Liveness, readiness (store answers) and Prometheus metrics. */
export const healthRoutes = (deps: { live: LiveState; store: EventStore; metrics: Metrics; startedAt: number }) => async (app: FastifyInstance) => {
  app.get(ROUTES.health, async () => ({
    status: 'ok',
    headSeq: deps.live.headSeq,
    store: deps.store.kind,
    uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
  }));
  app.get(ROUTES.ready, async (_req, reply) => {
    try {
      // A store that would acknowledge writes and lose them is not ready, whatever its reads say.
      const health = (await deps.store.health?.()) ?? { writable: true };
      if (!health.writable) return await reply.code(503).send({ statusCode: 503, error: 'not_ready', message: health.reason ?? 'the event store cannot take writes' });
      const head = await deps.store.headSeq();
      return { status: 'ready', headSeq: head };
    } catch (error) {
      return reply.code(503).send({ statusCode: 503, error: 'not_ready', message: (error as Error).message });
    }
  });
  app.get(ROUTES.metrics, async (_req, reply) => {
    void reply.type(deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
};
