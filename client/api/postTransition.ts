import { ROUTES } from '../../shared/contract/http';
import type { PendingAction, SendAnswer } from '../outbox/Outbox';
import { postOutboxAction } from './postOutboxAction';

/** One attempt at a lifecycle step: POST …/transitions with the step's own Idempotency-Key. */
export const postTransition = (action: PendingAction, baseUrl = ''): Promise<SendAnswer> =>
  postOutboxAction(ROUTES.incidentTransitions, action, action.body, baseUrl);
