import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ROLES } from '../../shared/logic/access';
import { isValidScopeCode } from '../../shared/logic/scope';
import type { Auth } from '../auth/Auth';
import { signToken } from '../auth/tokens';
import { errorBody } from '../errors';
import type { Realtime } from '../realtime/Realtime';
import type { EventStore } from '../store/EventStore';

const IssueBody = Type.Object(
  {
    role: Type.Union(ROLES.map((r) => Type.Literal(r))),
    scope: Type.String({ pattern: '^[0-9]{6,17}$' }),
    ttlSeconds: Type.Integer({ minimum: 60, maximum: 366 * 86400 }),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
const RevokeBody = Type.Object(
  { jti: Type.String({ minLength: 1, maxLength: 64 }), expiresAt: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
);
const PauseBody = Type.Object({ paused: Type.Boolean() }, { additionalProperties: false });

/** Admin only: issue and revoke tokens; pause heartbeats for stale-screen drills. */
export const adminRoutes = (deps: { auth: Auth; secret: string; store: EventStore; realtime: Realtime; countyCode: string }) => async (app: FastifyInstance) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('preHandler', async (request, reply) => {
    if (request.principal.role !== 'admin') return reply.code(403).send(errorBody(403, 'forbidden', 'admin token required'));
  });

  api.post('/api/v1/admin/tokens', { schema: { body: IssueBody } }, async (req, reply) => {
    const { role, scope, ttlSeconds, subject } = req.body;
    if (!isValidScopeCode(scope) || !scope.startsWith(deps.countyCode)) {
      return reply.code(422).send(errorBody(422, 'invalid_scope', `scope ${scope} is not a region of this county`));
    }
    const { token, claims } = signToken({ role, scope, ttlSeconds, subject, now: Date.now() }, deps.secret);
    return reply.code(201).send({ token, claims });
  });

  api.post('/api/v1/admin/tokens/revoke', { schema: { body: RevokeBody } }, async (req) => {
    const { jti, expiresAt = Date.now() + 366 * 86400_000 } = req.body;
    await deps.store.saveRevocation(jti, expiresAt);
    deps.auth.revoke(jti);
    return { revoked: jti, socketsCut: deps.realtime.disconnectToken(jti) };
  });

  api.post('/api/v1/admin/heartbeat', { schema: { body: PauseBody } }, async (req) => {
    deps.realtime.pauseHeartbeat(req.body.paused);
    return { paused: req.body.paused };
  });
};
