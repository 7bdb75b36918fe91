import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ROLES } from '../../shared/logic/access';
import { isValidScopeCode } from '../../shared/logic/scope';
import type { Auth } from '../auth/Auth';
import type { SigningKey } from '../auth/keyring';
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
/** The last instant a client may name (9999-12-31, in ms): anything larger, Infinity included, is a mistake. */
const LATEST_MS = 253402300799999;
/** Below this a number is a JWT `exp` in seconds (ms this small would be 1973); from it up, epoch ms. */
const SECONDS_BELOW = 1e11;
const RevokeBody = Type.Object(
  {
    jti: Type.String({ minLength: 1, maxLength: 64 }),
    expiresAt: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: LATEST_MS,
        description: "when the token expires: its `exp` claim (seconds) or epoch ms; the revocation is kept until then",
      }),
    ),
  },
  { additionalProperties: false },
);

/** The token's expiry in epoch ms, whichever unit the admin used (the claim's seconds, or /me's ms). */
export const revocationExpiryMs = (expiresAt: number): number => (expiresAt < SECONDS_BELOW ? expiresAt * 1000 : expiresAt);
const PauseBody = Type.Object({ paused: Type.Boolean() }, { additionalProperties: false });

/** Admin only: issue and revoke tokens; pause heartbeats for stale-screen drills. */
export const adminRoutes = (deps: { auth: Auth; secret: SigningKey; store: EventStore; realtime: Realtime; countyCode: string }) => async (app: FastifyInstance) => {
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

  api.post('/api/v1/admin/tokens/revoke', { schema: { body: RevokeBody } }, async (req, reply) => {
    const { jti } = req.body;
    const now = Date.now();
    const expiresAt = req.body.expiresAt === undefined ? now + 366 * 86400_000 : revocationExpiryMs(req.body.expiresAt);
    // A past expiry would be dropped from the deny list at the next start: refuse it rather than forget it.
    if (expiresAt <= now) {
      return reply.code(422).send(errorBody(422, 'expires_at_in_past', `body/expiresAt ${req.body.expiresAt} is in the past: give the token's exp claim (seconds) or epoch ms`));
    }
    await deps.store.saveRevocation(jti, expiresAt);
    deps.auth.revoke(jti);
    return { revoked: jti, socketsCut: deps.realtime.disconnectToken(jti) };
  });

  api.post('/api/v1/admin/heartbeat', { schema: { body: PauseBody } }, async (req) => {
    deps.realtime.pauseHeartbeat(req.body.paused);
    return { paused: req.body.paused };
  });
};
