import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { EventsQuery, IdParams, RegionsQuery, ROUTES, SnapshotQuery } from '../../shared/contract/http';
import type { EventsPage } from '../../shared/contract/snapshot';
import { audienceOf, canRead, covers, mayView } from '../../shared/logic/access';
import { publicIncident, shapeEventForAudience } from '../../shared/logic/shapeForAudience';
import { findByPublicId } from '../../shared/logic/privacy/pseudonym';
import type { Clock } from '../clock';
import { errorBody } from '../errors';
import type { LiveState } from '../live/LiveState';
import { buildSnapshot } from '../live/buildSnapshot';
import type { EventStore } from '../store/EventStore';

const DEFAULT_EVENTS_LIMIT = 1000;
/** Outlines that are public geography: anyone who may read may see them, whatever their scope. */
const PUBLIC_LEVELS = new Set(['county', 'street', 'context']);

/**
 * Reads, confined to the caller's scope. Out of scope answers 404 exactly like a code that does
 * not exist, so a street token cannot even learn what lies in another street.
 */
export const queryRoutes = (deps: { live: LiveState; store: EventStore; clock: Clock }) => async (app: FastifyInstance) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { live, store, clock } = deps;
  const county = live.county;
  const notFound = (reply: FastifyReply, field: string, code: string) =>
    reply.code(404).send(errorBody(404, 'region_not_found', `${field}: no region with code ${code}`));

  app.addHook('preHandler', async (request: FastifyRequest, reply) => {
    if (!canRead(request.principal)) return reply.code(403).send(errorBody(403, 'forbidden', `a ${request.principal.role} token may not read`));
  });

  /** Who the caller is: screens pick their layout and default scope from it. */
  api.get(ROUTES.me, async (req) => ({
    role: req.principal.role,
    scope: req.principal.scope,
    audience: audienceOf(req.principal),
    expiresAt: req.principal.expiresAt ?? null,
  }));

  api.get(ROUTES.regions, { schema: { querystring: RegionsQuery } }, async (req, reply) => {
    const { level = 'county' } = req.query;
    const confined = !PUBLIC_LEVELS.has(level) && req.principal.scope !== county.county.code;
    const within = req.query.within ?? (confined ? req.principal.scope : undefined);
    // `within` names a region, so it must be one the caller may see: a public one (the county, a
    // street) or one inside its scope. Another street's community answers as a code that does not exist.
    const region = within === undefined ? undefined : county.get(within);
    const visible = region !== undefined && (mayView(req.principal, region.code) || (!confined && PUBLIC_LEVELS.has(region.level)));
    if (within !== undefined && !visible) return notFound(reply, 'within', within);
    const { body, etag } = county.geojson(level as Parameters<typeof county.geojson>[0], within);
    void reply.header('etag', etag).header('cache-control', 'no-cache').type('application/geo+json');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(body);
  });

  api.get(ROUTES.snapshot, { schema: { querystring: SnapshotQuery } }, async (req, reply) => {
    const code = req.query.scope ?? req.principal.scope;
    const region = county.get(code);
    if (!region || !mayView(req.principal, code)) return notFound(reply, 'scope', code);
    return buildSnapshot(live, region, audienceOf(req.principal), clock.now());
  });

  api.get(ROUTES.events, { schema: { querystring: EventsQuery } }, async (req, reply) => {
    const { after, limit = DEFAULT_EVENTS_LIMIT } = req.query;
    const scope = req.query.scope ?? req.principal.scope;
    if (!county.get(scope) || !mayView(req.principal, scope)) return notFound(reply, 'scope', scope);
    const audience = audienceOf(req.principal);
    const rows = await store.readEvents({ afterSeq: after, limit: limit + 1, scope });
    const events = rows.slice(0, limit).map((e) => shapeEventForAudience(e, audience, live.entities));
    const page: EventsPage = {
      events,
      nextAfter: events.at(-1)?.seq ?? after,
      hasMore: rows.length > limit,
      headSeq: live.headSeq,
      // The store's, read with the rows: these events belong to its log, whatever live state says yet.
      epoch: store.epoch(),
    };
    return page;
  });

  api.get(ROUTES.incident, { schema: { params: IdParams } }, async (req, reply) => {
    // A public screen knows a pseudonymised incident by its pseudonym only (shared/logic/privacy).
    const incident = live.entities.incidents.get(req.params.id) ?? (audienceOf(req.principal) === 'public' ? findByPublicId(live.entities.incidents.values(), req.params.id) : undefined);
    if (!incident || !covers(req.principal, incident.regionPath)) {
      return reply.code(404).send(errorBody(404, 'incident_not_found', `no incident with id ${req.params.id}`));
    }
    return audienceOf(req.principal) === 'full' ? incident : publicIncident(incident);
  });
};
