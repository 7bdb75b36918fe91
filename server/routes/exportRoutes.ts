import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { RegionCode } from '../../shared/domain/common';
import { ROUTES } from '../../shared/contract/http';
import { audienceOf, canRead, mayView } from '../../shared/logic/access';
import type { Clock } from '../clock';
import type { CountyIndex } from '../county/CountyIndex';
import { errorBody } from '../errors';
import { columnsFor, type RowContext } from '../export/incidentColumns';
import { incidentsInPeriod } from '../export/incidentsInPeriod';
import { DATE_OR_TIME_PATTERN, parseShanghaiTime } from '../export/shanghaiIso';
import { incidentsCsv } from '../export/writeIncidentsCsv';
import { incidentsXlsx } from '../export/writeIncidentsXlsx';
import type { EventStore } from '../store/EventStore';

const When = Type.String({ pattern: DATE_OR_TIME_PATTERN, description: 'ISO 8601 date or date-time; without an offset, Asia/Shanghai' });

export const ExportQuery = Type.Object(
  {
    scope: Type.Optional(RegionCode),
    /** Reported at or after; a date alone is its local midnight. */
    from: When,
    /** Reported before; a date alone includes that whole day. */
    to: When,
  },
  { additionalProperties: false },
);
type ExportQuery = Static<typeof ExportQuery>;

const FORMATS = {
  csv: { route: ROUTES.exportIncidentsCsv, type: 'text/csv; charset=utf-8', write: incidentsCsv },
  xlsx: { route: ROUTES.exportIncidentsXlsx, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: incidentsXlsx },
} as const;

/**
 * Incident exports for reports: the caller's scope (or a region inside it) and a period, masked
 * for public roles, streamed from the store's entity rows page by page as the client reads.
 */
export const exportRoutes = (deps: { store: EventStore; county: CountyIndex; clock: Clock }) => async (app: FastifyInstance) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { store, county, clock } = deps;
  const regionName = (code: string | undefined) => (code === undefined ? '' : (county.get(code)?.name ?? code));

  const answer = (format: keyof typeof FORMATS) => async (req: FastifyRequest<{ Querystring: ExportQuery }>, reply: FastifyReply) => {
    if (!canRead(req.principal)) return reply.code(403).send(errorBody(403, 'forbidden', `a ${req.principal.role} token may not read`));
    const scope = req.query.scope ?? req.principal.scope;
    // Out of scope answers exactly like a code that does not exist.
    if (!county.get(scope) || !mayView(req.principal, scope)) {
      return reply.code(404).send(errorBody(404, 'region_not_found', `querystring/scope: no region with code ${scope}`));
    }
    const fromMs = parseShanghaiTime(req.query.from);
    const toMs = parseShanghaiTime(req.query.to, true);
    if (Number.isNaN(fromMs)) return reply.code(400).send(errorBody(400, 'validation_failed', 'querystring/from is not a real date'));
    if (Number.isNaN(toMs)) return reply.code(400).send(errorBody(400, 'validation_failed', 'querystring/to is not a real date'));
    if (toMs <= fromMs) return reply.code(400).send(errorBody(400, 'validation_failed', 'querystring/to must be after querystring/from'));
    const audience = audienceOf(req.principal);
    const context: RowContext = { now: clock.now(), regionName };
    const pages = incidentsInPeriod(store, { scope, fromMs, toMs });
    const { type, write } = FORMATS[format];
    const name = `incidents-${scope}-${req.query.from.slice(0, 10)}-${req.query.to.slice(0, 10)}.${format}`;
    void reply.type(type).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    return reply.send(write(pages, audience, columnsFor(audience), context));
  };

  for (const format of ['csv', 'xlsx'] as const) {
    api.get(FORMATS[format].route, { schema: { querystring: ExportQuery } }, answer(format));
  }
};
