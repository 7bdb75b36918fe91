import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { SCENARIO_IDS, TourCommandByAction, type ScenarioId } from '../../shared/contract/demo';
import { ROUTES } from '../../shared/contract/http';
import { canPresent, canRead } from '../../shared/logic/access';
import type { DemoHub, DemoOutcome } from '../demo/DemoHub';
import { errorBody } from '../errors';

const ScenarioParams = Type.Object(
  { id: Type.Unsafe<ScenarioId>({ type: 'string', enum: [...SCENARIO_IDS] }) },
  { additionalProperties: false },
);
/** The commands without arguments take `{}`, like every other write of the API. */
const EmptyBody = Type.Object({}, { additionalProperties: false });

/**
 * Demo mode over HTTP, the same commands as the presenter's socket: anyone who may read sees the
 * demo state; only presenters and admins drive it. Answers carry the demo state after the command.
 */
export const demoRoutes = (hub: DemoHub) => async (app: FastifyInstance) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // Before validation: a wall's token is refused for what it is, whatever body it sent.
  const presenterOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!canPresent(request.principal)) return reply.code(403).send(errorBody(403, 'forbidden', 'presenter or admin token required'));
  };
  const answer = <T extends object>(reply: FastifyReply, outcome: DemoOutcome<T>) => {
    if (!outcome.ok) return reply.code(outcome.statusCode).send(errorBody(outcome.statusCode, outcome.error, outcome.message));
    const { ok: _ok, ...body } = outcome;
    return reply.send(body);
  };

  api.get(ROUTES.demo, async (request, reply) => {
    if (!canRead(request.principal)) return reply.code(403).send(errorBody(403, 'forbidden', `a ${request.principal.role} token may not read`));
    return hub.state();
  });

  api.post(ROUTES.demoTour, { preValidation: presenterOnly, schema: { body: TourCommandByAction } }, async (request, reply) =>
    answer(reply, await hub.tourCommand(request.principal, request.body)),
  );

  api.post(
    ROUTES.demoScenario,
    { preValidation: presenterOnly, schema: { params: ScenarioParams, body: EmptyBody } },
    async (request, reply) => answer(reply, await hub.startScenario(request.principal, { id: request.params.id })),
  );

  api.post(ROUTES.demoReset, { preValidation: presenterOnly, schema: { body: EmptyBody } }, async (request, reply) =>
    answer(reply, await hub.reset(request.principal, request.body)),
  );
};
