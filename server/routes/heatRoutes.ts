import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HEAT_WEIGHT_BY_PRIORITY, HEAT_WINDOW_MS, HeatPoints, HeatQuery } from '../../shared/contract/heat';
import { ErrorBody, ROUTES } from '../../shared/contract/http';
import { canRead, mayView } from '../../shared/logic/access';
import type { Clock } from '../clock';
import { errorBody } from '../errors';
import type { CountyIndex } from '../county/CountyIndex';
import { incidentsInPeriod } from '../export/incidentsInPeriod';
import type { EventStore } from '../store/EventStore';

/** Four decimals is about ten metres: finer than a heat map's glow, coarser than a doorway. */
const round4 = (value: number): number => Math.round(value * 1e4) / 1e4;
/** A wall asks again when its window slides; answers this young are served from memory. */
const CACHE_MS = 60_000;

/**
 * Heat points of the incidents reported in a window too long for a wall to hold (30 days), within
 * the caller's scope. Each point is only a place and a weight, so the answer is the same for every
 * audience: no id, no time, no text, nothing a public screen may not show.
 */
export const heatRoutes = (deps: { store: EventStore; county: CountyIndex; clock: Clock }) => async (app: FastifyInstance) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const cache = new Map<string, HeatPoints>();

  app.addHook('preHandler', async (request, reply) => {
    if (!canRead(request.principal)) return reply.code(403).send(errorBody(403, 'forbidden', `a ${request.principal.role} token may not read`));
  });

  api.get(ROUTES.heat, { schema: { querystring: HeatQuery, response: { 200: HeatPoints, 404: ErrorBody } } }, async (req, reply) => {
    const { window } = req.query;
    const scope = req.query.scope ?? req.principal.scope;
    // Out of scope answers like a code that does not exist, as every read does (queryRoutes.ts).
    if (!deps.county.get(scope) || !mayView(req.principal, scope)) {
      return reply.code(404).send(errorBody(404, 'region_not_found', `scope: no region with code ${scope}`));
    }
    const now = deps.clock.now();
    const key = `${scope}/${window}`;
    const cached = cache.get(key);
    if (cached && now - cached.at >= 0 && now - cached.at < CACHE_MS) return cached;
    const points: [number, number, number][] = [];
    for await (const page of incidentsInPeriod(deps.store, { scope, fromMs: now - HEAT_WINDOW_MS[window], toMs: now + 1 })) {
      for (const incident of page) points.push([round4(incident.location.lng), round4(incident.location.lat), HEAT_WEIGHT_BY_PRIORITY[incident.priority]]);
    }
    const answer: HeatPoints = { window, scope, at: now, points };
    cache.set(key, answer);
    return answer;
  });
};
