import { Type, type Static } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IDEMPOTENCY_HEADER } from '../../shared/contract/http';
import type { Incident, IncidentCategory } from '../../shared/domain/incident';
import type { Auth } from '../auth/Auth';
import type { Clock } from '../clock';
import type { CountyIndex } from '../county/CountyIndex';
import { DATE_OR_TIME_PATTERN, parseShanghaiTime } from '../export/shanghaiIso';
import type { IngestService } from '../ingest/IngestService';
import type { LiveState } from '../live/LiveState';
import type { Metrics } from '../metrics/Metrics';
import { findRequest, listRequests } from '../open311/findRequests';
import { formatOfUrl, sendOpen311, sendOpen311Error, splitFormat, type Open311Format } from '../open311/open311Reply';
import { open311RequestOf } from '../open311/open311Request';
import { resolveOpen311Caller } from '../open311/open311Principal';
import { isServiceCode, serviceDefinitionOf, SERVICES } from '../open311/open311Services';
import { Open311PostBody, reportFromOpen311 } from '../open311/reportFromOpen311';
import type { EventStore } from '../store/EventStore';

export const OPEN311_PREFIX = '/open311/v2';
/** The same rule as /api/v1 (routes/ingestRoutes). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;
const DAY_MS = 24 * 3600_000;
/** GeoReport v2's defaults for a listing without dates or ids: the last 90 days, at most 1000. */
const DEFAULT_DAYS = 90;
const MAX_REQUESTS = 1000;

const When = Type.String({ pattern: DATE_OR_TIME_PATTERN });
const RequestsQuery = Type.Object(
  {
    jurisdiction_id: Type.Optional(Type.String({ maxLength: 64 })),
    service_request_id: Type.Optional(Type.String({ maxLength: 4000 })),
    service_code: Type.Optional(Type.String({ maxLength: 1000 })),
    start_date: Type.Optional(When),
    end_date: Type.Optional(When),
    status: Type.Optional(Type.String({ pattern: '^(open|closed)(,(open|closed))*$' })),
    api_key: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
type RequestsQuery = Static<typeof RequestsQuery>;
const FileParams = Type.Object({ file: Type.String({ maxLength: 200 }) });
const JurisdictionQuery = Type.Object({ jurisdiction_id: Type.Optional(Type.String({ maxLength: 64 })), api_key: Type.Optional(Type.String()) }, { additionalProperties: false });

export interface Open311Deps {
  auth: Auth;
  ingest: IngestService;
  live: LiveState;
  store: EventStore;
  county: CountyIndex;
  clock: Clock;
  metrics: Metrics;
}

/**
 * Open311 GeoReport v2 (services, requests; JSON and XML) over the same ingest path, tokens,
 * idempotency and masking as /api/v1. Register with { prefix: OPEN311_PREFIX }. See README "Open311".
 */
export const open311Routes = (deps: Open311Deps) => async (app: FastifyInstance) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { auth, ingest, live, store, county, clock, metrics } = deps;
  const regionName = (code: string) => county.get(code)?.name ?? code;
  const countyCode = county.county.code;

  // Form posts are what GeoReport v2 clients send; values stay text (the body schema allows that).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A refusal (4xx, or 503 from load shedding or the store) keeps its status and says why; a bug says nothing.
    const refusal = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 && error.statusCode !== 500;
    if (!refusal) request.log.error({ err: error }, 'open311 request failed');
    return sendOpen311Error(reply, formatOfUrl(request.url), refusal ? error.statusCode! : 500, refusal ? error.message : 'internal error');
  });
  app.setNotFoundHandler((request, reply) => sendOpen311Error(reply, formatOfUrl(request.url), 404, `${request.method} ${request.url.split('?')[0]} is not an Open311 route`));

  /** We are one jurisdiction, the county: another id is a request for somebody else's city. */
  const wrongJurisdiction = (reply: FastifyReply, format: Open311Format, id: string | undefined) =>
    id !== undefined && id !== countyCode ? sendOpen311Error(reply, format, 404, `jurisdiction_id: this server serves ${countyCode} only`) : undefined;

  const services = (format: Open311Format) => async (req: FastifyRequest<{ Querystring: Static<typeof JurisdictionQuery> }>, reply: FastifyReply) =>
    wrongJurisdiction(reply, format, req.query.jurisdiction_id) ?? sendOpen311(reply, format, 'services', SERVICES);
  for (const format of ['json', 'xml'] as const) api.get(`/services.${format}`, { schema: { querystring: JurisdictionQuery } }, services(format));

  api.get('/services/:file', { schema: { params: FileParams, querystring: JurisdictionQuery } }, async (req, reply) => {
    const file = splitFormat(req.params.file);
    if (!file) return sendOpen311Error(reply, 'json', 404, 'ask for services/{service_code}.json or .xml');
    if (!isServiceCode(file.name)) return sendOpen311Error(reply, file.format, 404, `service_code: no service ${file.name}`);
    return wrongJurisdiction(reply, file.format, req.query.jurisdiction_id) ?? sendOpen311(reply, file.format, 'service_definition', serviceDefinitionOf(file.name));
  });

  const listing = (format: Open311Format) => async (req: FastifyRequest<{ Querystring: RequestsQuery }>, reply: FastifyReply) => {
    const caller = await resolveOpen311Caller(auth, req, 'read');
    if (!caller.ok) return sendOpen311Error(reply, format, caller.statusCode, caller.description);
    const q = req.query;
    const wrong = wrongJurisdiction(reply, format, q.jurisdiction_id);
    if (wrong) return wrong;
    const answer = (incidents: Incident[]) => sendOpen311(reply, format, 'service_requests', incidents.map((i) => open311RequestOf(i, caller.audience, regionName)));
    if (q.service_request_id !== undefined) {
      const ids = q.service_request_id.split(',').map((id) => id.trim()).filter(Boolean).slice(0, MAX_REQUESTS);
      const found = await Promise.all(ids.map((id) => findRequest({ live, store }, caller.principal, caller.audience, id)));
      return answer(found.filter((i): i is Incident => i !== undefined));
    }
    const codes = q.service_code?.split(',').map((c) => c.trim());
    const unknown = codes?.find((c) => !isServiceCode(c));
    if (unknown !== undefined) return sendOpen311Error(reply, format, 400, `service_code: ${unknown} is not a service`);
    const toMs = q.end_date === undefined ? clock.now() + 1 : parseShanghaiTime(q.end_date, true);
    const fromMs = q.start_date === undefined ? toMs - DEFAULT_DAYS * DAY_MS : parseShanghaiTime(q.start_date);
    if (Number.isNaN(fromMs)) return sendOpen311Error(reply, format, 400, 'start_date: not a real date');
    if (Number.isNaN(toMs)) return sendOpen311Error(reply, format, 400, 'end_date: not a real date');
    if (toMs <= fromMs) return sendOpen311Error(reply, format, 400, 'end_date: must be after start_date');
    const statuses = q.status ? new Set(q.status.split(',') as Array<'open' | 'closed'>) : undefined;
    const services = codes ? new Set(codes as IncidentCategory[]) : undefined;
    return answer(await listRequests(store, caller.principal.scope, { fromMs, toMs, statuses, services, limit: MAX_REQUESTS }));
  };

  const post = (format: Open311Format) => async (req: FastifyRequest<{ Body: Open311PostBody }>, reply: FastifyReply) => {
    const caller = await resolveOpen311Caller(auth, req, 'write', req.body.api_key);
    if (!caller.ok) return sendOpen311Error(reply, format, caller.statusCode, caller.description);
    const wrong = wrongJurisdiction(reply, format, req.body.jurisdiction_id);
    if (wrong) return wrong;
    const key = req.headers[IDEMPOTENCY_HEADER];
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      return sendOpen311Error(reply, format, 400, 'Idempotency-Key must be 1–128 visible ASCII characters');
    }
    const mapped = reportFromOpen311(req.body);
    if (!mapped.ok) return sendOpen311Error(reply, format, 400, mapped.description);
    const outcome = await ingest.execute({ kind: 'reportIncident', body: mapped.body }, key, caller.principal);
    if (outcome.retryAfterSeconds) void reply.header('retry-after', String(outcome.retryAfterSeconds));
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    if (outcome.statusCode >= 400) {
      metrics.commandsRefused.inc({ status: String(outcome.statusCode) });
      return sendOpen311Error(reply, format, outcome.statusCode, (outcome.body as { message?: string }).message ?? 'refused');
    }
    const id = (outcome.body as { id: string }).id;
    return sendOpen311(reply, format, 'service_requests', [{ service_request_id: id, service_notice: null, account_id: null }], outcome.statusCode);
  };

  for (const format of ['json', 'xml'] as const) {
    api.get(`/requests.${format}`, { schema: { querystring: RequestsQuery } }, listing(format));
    api.post(`/requests.${format}`, { schema: { body: Open311PostBody } }, post(format));
  }

  api.get('/requests/:file', { schema: { params: FileParams, querystring: JurisdictionQuery } }, async (req, reply) => {
    const file = splitFormat(req.params.file);
    if (!file) return sendOpen311Error(reply, 'json', 404, 'ask for requests/{service_request_id}.json or .xml');
    const caller = await resolveOpen311Caller(auth, req, 'read');
    if (!caller.ok) return sendOpen311Error(reply, file.format, caller.statusCode, caller.description);
    const wrong = wrongJurisdiction(reply, file.format, req.query.jurisdiction_id);
    if (wrong) return wrong;
    const incident = await findRequest({ live, store }, caller.principal, caller.audience, file.name);
    if (!incident) return sendOpen311Error(reply, file.format, 404, `service_request_id: no request ${file.name}`);
    return sendOpen311(reply, file.format, 'service_requests', [open311RequestOf(incident, caller.audience, regionName)]);
  });
};
