import type { JinlinEvent, NewEvent } from '../../shared/domain/event';

export type EntityKind = 'incident' | 'station' | 'checkin' | 'wish';

/** The current state of one entity after a command, written in the same transaction as its events. */
export interface EntityRow {
  kind: EntityKind;
  id: string;
  regionPath: string[];
  /** Still needs attention (open incident, checked-in member, unfulfilled wish): always loaded at boot. */
  open: boolean;
  updatedAt: number;
  data: unknown;
}

/** The first response to a write with an Idempotency-Key, replayed to retries with the same body. */
export interface IdempotencyRecord {
  key: string;
  fingerprint: string;
  statusCode: number;
  body: unknown;
  createdAt: number;
}

/** What one accepted command writes. */
export interface CommandWrite {
  events: NewEvent[];
  entities: EntityRow[];
  idempotency?: IdempotencyRecord;
}

/** A keyset page of entity rows: ids after `afterId`, in id order, inside `scope` when given. */
export interface EntityPageQuery {
  kind: EntityKind;
  afterId: string;
  limit: number;
  scope?: string;
}

export interface ReadEventsQuery {
  afterSeq: number;
  limit: number;
  /** Only events whose region path runs through this code. */
  scope?: string;
}

/** Whether the store can make a write durable right now; `reason` says why not (for /ready and logs). */
export interface StoreHealth {
  writable: boolean;
  reason?: string;
}

/**
 * The durable log. `commit` writes several commands' events (given consecutive seqs in order),
 * their entity rows and idempotency records in ONE transaction: when it resolves, it is on disk.
 */
export interface EventStore {
  readonly kind: string;
  commit(writes: CommandWrite[]): Promise<JinlinEvent[][]>;
  findIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  readEvents(query: ReadEventsQuery): Promise<JinlinEvent[]>;
  headSeq(): Promise<number>;
  /** Entities still open, plus closed ones updated at or after `since` (what live state retains). */
  loadEntities(kind: EntityKind, since: number): Promise<unknown[]>;
  /**
   * Entity rows (their data) in id order after `afterId`: a reader walks every row of a kind in
   * bounded memory (exports, Open311 listings), and each row is read once even while writes go on.
   */
  readEntityPage(query: EntityPageQuery): Promise<unknown[]>;
  /** One entity row's data by id, retained by live state or not (Open311 request lookups). */
  findEntity(kind: EntityKind, id: string): Promise<unknown | undefined>;
  /** For every region code that has events, the seq of its newest event. */
  lastSeqByRegion(): Promise<Map<string, number>>;
  /**
   * Random id of this log, created with the store and replaced by `reset`: a seq means something
   * only within its epoch, so a screen holding another epoch's seq must reload, not catch up.
   */
  epoch(): string;
  /**
   * Empties the log for "reset to morning": events, entities and idempotency records go in ONE
   * transaction (all or nothing), revoked tokens stay, seqs restart at 1 under a new epoch.
   */
  reset(): Promise<string>;
  /** The token deny list survives restarts; entries are kept until the token would have expired (`expiresAt`, `now`: epoch ms). */
  saveRevocation(jti: string, expiresAt: number): Promise<void>;
  loadRevocations(now: number): Promise<string[]>;
  /**
   * Optional health probe, cheap enough for every /ready call: `writable: false` when a write made
   * now would not be durable (files deleted or replaced under the process, disk full, database
   * unreachable). /api/v1/ready answers 503 not_ready while it says so; writes are refused with
   * 503 store_unavailable + Retry-After by the store itself (commit and saveRevocation throw
   * StoreUnavailableError) rather than acknowledged and lost.
   */
  health?(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** `/350121/350121001/…/` — lets a scope filter be a prefix match. */
export const pathKey = (regionPath: readonly string[]): string => `/${regionPath.join('/')}/`;

/** The path key prefix of every event inside `code`, derived from the code's own prefixes. */
export const scopePrefix = (code: string): string => {
  const lengths = [6, 9, 12, 15, 17].filter((n) => n <= code.length);
  return pathKey(lengths.map((n) => code.slice(0, n)));
};
