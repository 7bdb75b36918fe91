import { createHash } from 'node:crypto';
import type { Principal } from '../../shared/logic/access';
import type { Command } from './Command';

/** Canonical JSON (sorted keys) so the same body in another key order is still "the same request". */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** Identifies a command for Idempotency-Key checks: same key + same fingerprint = a retry. */
export const fingerprint = (command: Command): string => createHash('sha256').update(canonical(command)).digest('base64url');

/**
 * The key an idempotency record is kept under: the client's key inside the namespace of who sent
 * it. A record belongs to its principal — role, scope and subject, not the token id, so a re-issued
 * token of the same person still replays — and another principal sending the same key and body is
 * a new request, authorised and answered as one. In-process callers (no token) have their own space.
 */
export const ownedKey = (principal: Principal | undefined, key: string): string => {
  if (!principal) return `internal:${key}`;
  const identity = createHash('sha256').update(JSON.stringify([principal.role, principal.scope, principal.subject ?? null])).digest('base64url');
  return `${identity.slice(0, 22)}:${key}`;
};
