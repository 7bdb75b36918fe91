import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../shared/contract/http';
import type { Principal } from '../../shared/logic/access';
import { bearerToken, type Auth } from '../auth/Auth';
import { errorBody } from '../errors';
import { OPENAPI_PATH } from './openapi';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

/** Paths anyone may call: load balancers, Prometheus and a vendor reading the API description have no token. */
const OPEN = new Set<string>([ROUTES.health, ROUTES.ready, ROUTES.metrics, OPENAPI_PATH]);

/** Every API request gets a verified principal (or the configured anonymous one) before any route runs. */
export const installAuthentication = (app: FastifyInstance, auth: Auth): void => {
  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') || OPEN.has(path)) return;
    const result = await auth.authenticate(bearerToken(request.headers.authorization));
    if (!result.ok) return reply.code(401).send(errorBody(401, result.error, result.message));
    request.principal = result.principal;
  });
};
