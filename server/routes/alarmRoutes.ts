import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AlarmAckBody, IDEMPOTENCY_HEADER, IdParams, ROUTES } from '../../shared/contract/http';
import { ALARM_ACK_ROLES, type AlarmAckRole } from '../../shared/domain/event';
import type { AlarmPolicy } from '../../shared/logic/alarms/alarmPolicy';
import { canRead } from '../../shared/logic/access';
import { errorBody } from '../errors';
import type { IngestService } from '../ingest/IngestService';
import type { Metrics } from '../metrics/Metrics';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

const mayAcknowledge = (role: string): role is AlarmAckRole => (ALARM_ACK_ROLES as readonly string[]).includes(role);

/**
 * Alarms on the walls: the policy every screen applies (configuration, read-only), and 确认告警 —
 * an operator or street leader stopping an incident's alarm on every wall, written through the
 * one ingest path like any other change, so it is a sequenced, replayable fact.
 */
export const alarmRoutes = (deps: { ingest: IngestService; metrics: Metrics; policy: AlarmPolicy }) => async (app: FastifyInstance) => {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ingest, metrics, policy } = deps;

  api.get(ROUTES.alarmPolicy, async (req, reply) => {
    if (!canRead(req.principal)) return reply.code(403).send(errorBody(403, 'forbidden', `a ${req.principal.role} token may not read`));
    return policy;
  });

  api.post(ROUTES.incidentAlarmAck, { schema: { params: IdParams, body: AlarmAckBody } }, async (req, reply) => {
    const { role } = req.principal;
    if (!mayAcknowledge(role)) {
      return reply.code(403).send(errorBody(403, 'forbidden', `a ${role} token may not acknowledge alarms (only ${ALARM_ACK_ROLES.join(', ')})`));
    }
    const key = req.headers[IDEMPOTENCY_HEADER];
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      return reply.code(400).send(errorBody(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1–128 visible ASCII characters'));
    }
    const outcome = await ingest.execute({ kind: 'acknowledgeAlarm', id: req.params.id, by: role, policy }, key, req.principal);
    if (outcome.statusCode >= 400) metrics.commandsRefused.inc({ status: String(outcome.statusCode) });
    if (outcome.retryAfterSeconds) void reply.header('retry-after', String(outcome.retryAfterSeconds));
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.code(outcome.statusCode).send(outcome.body);
  });
};
