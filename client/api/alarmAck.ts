import { ROUTES, type AlarmAckBody } from '../../shared/contract/http';
import type { PendingAction, SendAnswer } from '../outbox/Outbox';
import { postOutboxAction } from './postOutboxAction';

/** 确认告警 as an outbox action: kept, retried and reported like the lifecycle steps. */
export const ALARM_ACK_ACTION = 'acknowledgeAlarm';
export interface AlarmAckRequest {
  action: typeof ALARM_ACK_ACTION;
}
export const ALARM_ACK: AlarmAckRequest = { action: ALARM_ACK_ACTION };

export const isAlarmAck = (body: { action: string }): body is AlarmAckRequest => body.action === ALARM_ACK_ACTION;

/** One attempt: POST …/alarm-ack with the tap's own Idempotency-Key, so a retry acknowledges once. */
export const postAlarmAck = (action: PendingAction, baseUrl = ''): Promise<SendAnswer> => {
  const body: AlarmAckBody = {};
  return postOutboxAction(ROUTES.incidentAlarmAck, action, body, baseUrl);
};
