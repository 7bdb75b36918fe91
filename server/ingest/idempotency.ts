import type { ErrorBody } from '../../shared/contract/http';
import type { EventStore, IdempotencyRecord } from '../store/EventStore';
import type { Command } from './Command';
import { fingerprint } from './fingerprint';

/** A queued command with its Idempotency-Key: as the client sent it, and as its record is kept (ownedKey). */
export interface Keyed {
  command: Command;
  idempotencyKey: string | undefined;
  recordKey: string | undefined;
}

/**
 * The first answer to this key, if the caller has used it: replayed for the same request, a 422
 * for another. Looked up under the caller's own record key, so another principal's records are
 * never found — nor named: the message quotes only the key as the caller sent it.
 */
export const priorAnswer = async (
  store: EventStore,
  keyed: Keyed,
  seenKeys: Map<string, IdempotencyRecord>,
): Promise<{ statusCode: number; body: unknown; replayed?: boolean } | undefined> => {
  const { idempotencyKey: key, recordKey } = keyed;
  if (key === undefined || recordKey === undefined) return undefined;
  const record = seenKeys.get(recordKey) ?? (await store.findIdempotency(recordKey));
  if (!record) return undefined;
  if (record.fingerprint !== fingerprint(keyed.command)) {
    const body: ErrorBody = { statusCode: 422, error: 'idempotency_key_reused', message: `Idempotency-Key ${key} was already used with a different request` };
    return { statusCode: 422, body };
  }
  return { statusCode: record.statusCode, body: record.body, replayed: true };
};

/** The record to keep with a command's write (the entity in full: answers are shaped on the way out). */
export const recordOf = (keyed: Keyed, outcome: { statusCode: number; body: unknown }, now: number): IdempotencyRecord | undefined =>
  keyed.recordKey === undefined
    ? undefined
    : { key: keyed.recordKey, fingerprint: fingerprint(keyed.command), statusCode: outcome.statusCode, body: outcome.body, createdAt: now };
