import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '../../shared/contract/http';

export const OPENAPI_PATH = '/api/v1/openapi.json';

/**
 * The OpenAPI 3 description of the API, built by @fastify/swagger from the very TypeBox schemas
 * routes validate with, so it cannot drift from what the server accepts. Registered before the
 * routes (it collects them as they are added); served without a token, like /health.
 */
export const registerOpenApi = async (app: FastifyInstance): Promise<void> => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Jinlin 近邻 API',
        version: '1.0.0',
        description: 'Field apps report and act; screens read. Errors are {statusCode, error, message}; `error` is one of the codes in the README.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (HS256, kid)' } },
        schemas: { ErrorBody: ErrorBody as object },
      },
      security: [{ bearer: [] }],
    },
    // Only the API: the static client and socket.io are not part of it.
    transform: ({ schema, url, route }) => ({ schema: { ...schema, hide: schema?.hide ?? (!url.startsWith('/api/') || url === OPENAPI_PATH) }, url, route }),
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
};
