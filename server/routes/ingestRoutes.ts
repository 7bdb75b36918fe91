import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CheckInBody,
  CheckOutBody,
  IDEMPOTENCY_HEADER,
  IdParams,
  ReportIncidentBody,
  ROUTES,
  StationStatusBody,
  TransitionBodyByAction,
  WishBody,
  WishClaimBody,
  WishFulfilBody,
} from '../../shared/contract/http';
import { canWrite } from '../../shared/logic/access';
import { errorBody } from '../errors';
import type { Command } from '../ingest/Command';
import type { IngestService } from '../ingest/IngestService';
import type { Metrics } from '../metrics/Metrics';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/** The write API: every route maps its body to a Command and hands it to the one ingest service. */
export const ingestRoutes = (ingest: IngestService, metrics: Metrics) => async (app: FastifyInstance) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  const run = async (request: FastifyRequest, reply: FastifyReply, command: Command) => {
    if (!canWrite(request.principal)) {
      return reply.code(403).send(errorBody(403, 'forbidden', `a ${request.principal.role} token may not write`));
    }
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      return reply.code(400).send(errorBody(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1–128 visible ASCII characters'));
    }
    const outcome = await ingest.execute(command, key, request.principal);
    if (outcome.statusCode >= 400) metrics.commandsRefused.inc({ status: String(outcome.statusCode) });
    if (outcome.retryAfterSeconds) void reply.header('retry-after', String(outcome.retryAfterSeconds));
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.code(outcome.statusCode).send(outcome.body);
  };

  api.post(ROUTES.incidents, { schema: { body: ReportIncidentBody } }, (req, reply) =>
    run(req, reply, { kind: 'reportIncident', body: req.body }),
  );
  api.post(ROUTES.incidentTransitions, { schema: { params: IdParams, body: TransitionBodyByAction } }, (req, reply) =>
    run(req, reply, { kind: 'transitionIncident', id: req.params.id, body: req.body }),
  );
  api.put(ROUTES.stationStatus, { schema: { params: IdParams, body: StationStatusBody } }, (req, reply) =>
    run(req, reply, { kind: 'setStationStatus', id: req.params.id, body: req.body }),
  );
  api.post(ROUTES.checkins, { schema: { body: CheckInBody } }, (req, reply) => run(req, reply, { kind: 'checkIn', body: req.body }));
  api.post(ROUTES.checkout, { schema: { params: IdParams, body: CheckOutBody } }, (req, reply) =>
    run(req, reply, { kind: 'checkOut', id: req.params.id, body: req.body }),
  );
  api.post(ROUTES.wishes, { schema: { body: WishBody } }, (req, reply) => run(req, reply, { kind: 'postWish', body: req.body }));
  api.post(ROUTES.wishClaim, { schema: { params: IdParams, body: WishClaimBody } }, (req, reply) =>
    run(req, reply, { kind: 'claimWish', id: req.params.id, body: req.body }),
  );
  api.post(ROUTES.wishFulfil, { schema: { params: IdParams, body: WishFulfilBody } }, (req, reply) =>
    run(req, reply, { kind: 'fulfilWish', id: req.params.id, body: req.body }),
  );
};
