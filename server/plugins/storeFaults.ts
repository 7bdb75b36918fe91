import type { FastifyInstance } from 'fastify';
import { StoreUnavailableError } from '../errors';

/**
 * A store fault thrown past a route (say a token revocation on a full disk) is answered by the
 * error handler as 503 store_unavailable; this adds the Retry-After the client needs with it.
 */
export const installStoreFaults = (app: FastifyInstance): void => {
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof StoreUnavailableError) void reply.header('retry-after', String(error.retryAfterSeconds));
  });
};
