import { ROUTES, type AlarmAckBody } from '../../shared/contract/http';
import { apiFetch } from './apiFetch';
import type { PendingAction, SendAnswer } from '../outbox/Outbox';
import { retryAfterMsOf } from '../outbox/retryPolicy';

/** 确认告警 as an outbox action: kept, retried and reported like the lifecycle steps. */
export const ALARM_ACK_ACTION = 'acknowledgeAlarm';
export interface AlarmAckRequest {
  action: typeof ALARM_ACK_ACTION;
}
export const ALARM_ACK: AlarmAckRequest = { action: ALARM_ACK_ACTION };

export const isAlarmAck = (body: { action: string }): body is AlarmAckRequest => body.action === ALARM_ACK_ACTION;

/** Longer than a slow 4G round trip; past it the attempt counts as unanswered and is retried. */
const SEND_TIMEOUT_MS = 15_000;

const readBody = async (response: Response): Promise<unknown> => {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
};

/** One attempt: POST …/alarm-ack with the tap's own Idempotency-Key, so a retry acknowledges once. */
export const postAlarmAck = async (action: PendingAction, baseUrl = ''): Promise<SendAnswer> => {
  const path = ROUTES.incidentAlarmAck.replace(':id', encodeURIComponent(action.incidentId));
  const body: AlarmAckBody = {};
  const response = await apiFetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    idempotencyKey: action.key,
    body: JSON.stringify(body),
    timeoutMs: SEND_TIMEOUT_MS,
  });
  return { status: response.status, body: await readBody(response), retryAfterMs: retryAfterMsOf(response.headers.get('retry-after')) };
};
