import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { RegionCode } from '../../shared/domain/common';
import { ROUTES } from '../../shared/contract/http';
import type { EventsPage } from '../../shared/contract/snapshot';
import { audienceOf, canRead, mayView } from '../../shared/logic/access';
import { shapeEventForAudience } from '../../shared/logic/shapeForAudience';
import type { Clock } from '../clock';
import type { CountyIndex } from '../county/CountyIndex';
import { errorBody } from '../errors';
import { buildSnapshot } from '../live/buildSnapshot';
import { pictureAt } from '../replay/pictureAt';
import type { ReplayCheckpoints } from '../replay/ReplayCheckpoints';
import type { EventStore } from '../store/EventStore';

const strict = { additionalProperties: false } as const;
const EpochMs = Type.Integer({ minimum: 0, description: 'epoch milliseconds' });

export const ReplaySnapshotQuery = Type.Object({ at: EpochMs, scope: Type.Optional(RegionCode) }, strict);
export const ReplayEventsQuery = Type.Object(
  {
    /** The seq of the replay snapshot, or the previous page's nextAfter. */
    after: Type.Integer({ minimum: 0 }),
    /** The end of the period: events after this time are not part of it. */
    to: EpochMs,
    scope: Type.Optional(RegionCode),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  },
  strict,
);
type ReplayEventsQuery = Static<typeof ReplayEventsQuery>;

const DEFAULT_LIMIT = 1000;

/**
 * The time machine's reads: the picture of a scope at a past moment, shaped exactly as a live
 * snapshot for the caller's audience and scope, and the events of a period to play forward.
 */
export const replayRoutes = (deps: { checkpoints: ReplayCheckpoints; store: EventStore; county: CountyIndex; clock: Clock }) =>
  async (app: FastifyInstance) => {
    const api = app.withTypeProvider<TypeBoxTypeProvider>();
    const { checkpoints, store, county, clock } = deps;
    const notFound = (reply: FastifyReply, code: string) =>
      reply.code(404).send(errorBody(404, 'region_not_found', `querystring/scope: no region with code ${code}`));
    const future = (reply: FastifyReply) =>
      reply.code(400).send(errorBody(400, 'validation_failed', 'querystring/at lies in the future: the log has no picture of it'));

    app.addHook('preHandler', async (request, reply) => {
      if (!canRead(request.principal)) return reply.code(403).send(errorBody(403, 'forbidden', `a ${request.principal.role} token may not read`));
    });

    api.get(ROUTES.replaySnapshot, { schema: { querystring: ReplaySnapshotQuery } }, async (req, reply) => {
      const code = req.query.scope ?? req.principal.scope;
      const region = county.get(code);
      if (!region || !mayView(req.principal, code)) return notFound(reply, code);
      if (req.query.at > clock.now()) return future(reply);
      const picture = await pictureAt(checkpoints, store, county, req.query.at);
      return buildSnapshot(picture, region, audienceOf(req.principal), req.query.at);
    });

    api.get(ROUTES.replayEvents, { schema: { querystring: ReplayEventsQuery } }, async (req, reply) => {
      const { after, to, limit = DEFAULT_LIMIT } = req.query as ReplayEventsQuery;
      const scope = req.query.scope ?? req.principal.scope;
      if (!county.get(scope) || !mayView(req.principal, scope)) return notFound(reply, scope);
      const rows = await store.readEvents({ afterSeq: after, limit: limit + 1, scope });
      const cut = rows.findIndex((e) => e.at > to);
      const inPeriod = cut === -1 ? rows : rows.slice(0, cut);
      const events = inPeriod.slice(0, limit);
      const audience = audienceOf(req.principal);
      if (audience !== 'full') await checkpoints.catchUp();
      const known = audience === 'full' ? undefined : checkpoints.holding(events.at(-1)?.at ?? to);
      const page: EventsPage = {
        events: events.map((e) => shapeEventForAudience(e, audience, known)),
        nextAfter: events.at(-1)?.seq ?? after,
        hasMore: inPeriod.length > limit,
        headSeq: await store.headSeq(),
        epoch: store.epoch(),
      };
      return page;
    });
  };
