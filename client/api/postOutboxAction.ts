import { apiFetch } from './apiFetch';
import type { PendingAction, SendAnswer } from '../outbox/Outbox';
import { retryAfterMsOf } from '../outbox/retryPolicy';

/** Longer than a slow 4G round trip; past it the attempt counts as unanswered and is retried. */
const SEND_TIMEOUT_MS = 15_000;

const readBody = async (response: Response): Promise<unknown> => {
  try {
    return await response.json();
  } catch {
    // A status without a readable body is still an answer: a 2xx means it happened.
    return undefined;
  }
};

/**
 * One attempt at an outbox action: POST `path` (an incident route with `:id`) with the action's own
 * Idempotency-Key, so a retry acts once. Rejects when nothing came back. `baseUrl` is the API's
 * origin, '' for the page's own.
 */
export const postOutboxAction = async (route: string, action: PendingAction, body: unknown, baseUrl = ''): Promise<SendAnswer> => {
  const path = route.replace(':id', encodeURIComponent(action.incidentId));
  const response = await apiFetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    idempotencyKey: action.key,
    body: JSON.stringify(body),
    timeoutMs: SEND_TIMEOUT_MS,
  });
  return { status: response.status, body: await readBody(response), retryAfterMs: retryAfterMsOf(response.headers.get('retry-after')) };
};
