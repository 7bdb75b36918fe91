import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { JinlinEvent } from '../../../shared/domain/event';
import { StoreUnavailableError } from '../../errors';
import { scopePrefix, type CommandWrite, type EntityKind, type EntityPageQuery, type EventStore, type IdempotencyRecord, type ReadEventsQuery, type StoreHealth } from '../EventStore';
import { insertWrites, refuseStaleEntities } from './insertWrites';
import { toStoreError } from './pgUnavailable';
import { MIGRATION_LOCK, POSTGRES_SCHEMA, WRITER_LOCK } from './postgresSchema';

export interface PostgresOptions {
  connectionString: string;
  /** Tables live in this schema (created if missing); default: the connection's own search_path. */
  schema?: string;
  /** Every statement and every connection attempt gives up after this long: writes answer 503, never hang. */
  timeoutMs?: number;
  poolSize?: number;
}

/** The node's log follower: told of each own commit with the events before it that it had not applied. */
export interface CommitFollower {
  appliedSeq(): number;
  committed(epoch: string, afterSeq: number, events: JinlinEvent[]): Promise<void>;
}

/** Events after a seq with the epoch they belong to, read in one snapshot. */
export interface TailRead {
  epoch: string;
  events: JinlinEvent[];
}

/** A follower more than this far behind reads from the log itself; a commit does not carry the gap. */
const MAX_GAP_IN_COMMIT = 1000;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * PostgreSQL store for several nodes. Ordering: every commit (and reset) runs as ONE transaction
 * that first takes `pg_advisory_xact_lock(WRITER_LOCK)`, then numbers its events from MAX(seq).
 * The lock is released only when the transaction has committed, so writers commit one at a time
 * in seq order: a reader tailing `seq > n` can never later find a lower seq appear (no gaps, no
 * reordering). Idempotency keys are checked under the same lock, so the same key posted to two
 * nodes at once writes once: the second commit is refused with 503 and its retry replays the first.
 * Each commit NOTIFYs the schema's channel; followers treat that only as a wake-up.
 */
export class PostgresEventStore implements EventStore {
  readonly kind = 'postgres';
  private follower: CommitFollower | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    readonly clientConfig: pg.ClientConfig,
    readonly schema: string,
    private currentEpoch: string,
  ) {}

  /** The LISTEN/NOTIFY channel of this schema's log (wake-ups: `log`, `reset:<epoch>`, `revoke:<jti>`). */
  get channel(): string {
    return `jinlin:${this.schema}`.slice(0, 63);
  }

  static async open(options: PostgresOptions): Promise<PostgresEventStore> {
    const timeoutMs = options.timeoutMs ?? 800;
    const base = options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {};
    const clientConfig: pg.ClientConfig = {
      connectionString: options.connectionString,
      ...base,
      connectionTimeoutMillis: timeoutMs,
      statement_timeout: timeoutMs,
      query_timeout: timeoutMs + 200,
      idle_in_transaction_session_timeout: timeoutMs * 4,
      keepAlive: true,
    };
    if (options.schema) {
      const admin = new pg.Client({ ...clientConfig, options: undefined });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({ ...clientConfig, max: options.poolSize ?? 8 });
    // An idle connection dropped by a restarting server must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      const schema = await migrate(pool);
      const epoch = await readEpoch(pool);
      return new PostgresEventStore(pool, clientConfig, schema, epoch);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  /** The node's tailer: commits hand it their events (and the ones before) so it applies them at once. */
  follow(follower: CommitFollower | null): void {
    this.follower = follower;
  }

  async commit(writes: CommandWrite[]): Promise<JinlinEvent[][]> {
    const follower = this.follower;
    const outcome = await this.transaction(async (client) => {
      const { rows } = await client.query<{ head: string; epoch: string }>(
        "SELECT COALESCE((SELECT MAX(seq) FROM events), 0) AS head, (SELECT value FROM meta WHERE key = 'epoch') AS epoch",
      );
      const head = Number(rows[0]?.head ?? 0);
      if (rows[0]?.epoch !== this.currentEpoch) {
        throw new StoreUnavailableError('the log was just reset; try again in a moment', 1);
      }
      await refuseKnownKeys(client, writes);
      const afterSeq = follower ? follower.appliedSeq() : head;
      if (afterSeq < head) await refuseStaleEntities(client, afterSeq, writes);
      const gap = afterSeq < head && head - afterSeq <= MAX_GAP_IN_COMMIT ? await selectEvents(client, afterSeq, head - afterSeq) : [];
      const committed = await insertWrites(client, head, writes);
      await client.query('SELECT pg_notify($1, $2)', [this.channel, 'log']);
      return { committed, afterSeq: gap.length === head - afterSeq ? afterSeq : head, gap };
    });
    // Applied (and fanned out) by the follower, in seq order, before the caller hears "committed".
    if (follower) await follower.committed(this.currentEpoch, outcome.afterSeq, [...outcome.gap, ...outcome.committed.flat()]);
    return outcome.committed;
  }

  async findIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    const { rows } = await this.query<{ key: string; fingerprint: string; status_code: number; body: string; created_at: string }>(
      'SELECT * FROM idempotency WHERE key = $1',
      [key],
    );
    const row = rows[0];
    if (!row) return undefined;
    return { key: row.key, fingerprint: row.fingerprint, statusCode: row.status_code, body: JSON.parse(row.body), createdAt: Number(row.created_at) };
  }

  async readEvents({ afterSeq, limit, scope }: ReadEventsQuery): Promise<JinlinEvent[]> {
    if (!scope) return (await this.query<{ body: string }>('SELECT body FROM events WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit])).rows.map(parseBody);
    const like = `${scopePrefix(scope).replace(/[\\%_]/g, '\\$&')}%`;
    const { rows } = await this.query<{ body: string }>('SELECT body FROM events WHERE seq > $1 AND path_key LIKE $2 ORDER BY seq LIMIT $3', [afterSeq, like, limit]);
    return rows.map(parseBody);
  }

  /** For the tailer: the next events and the epoch they belong to, in one snapshot (one statement). */
  async readTail(afterSeq: number, limit: number): Promise<TailRead> {
    const { rows } = await this.query<{ epoch: string; body: string | null }>(
      `SELECT m.value AS epoch, e.body FROM meta m
       LEFT JOIN LATERAL (SELECT body FROM events WHERE seq > $1 ORDER BY seq LIMIT $2) e ON true
       WHERE m.key = 'epoch'`,
      [afterSeq, limit],
    );
    return { epoch: rows[0]?.epoch ?? '', events: rows.filter((r) => r.body !== null).map(parseBody) };
  }

  async headSeq(): Promise<number> {
    const { rows } = await this.query<{ head: string }>('SELECT COALESCE(MAX(seq), 0) AS head FROM events');
    return Number(rows[0]?.head ?? 0);
  }

  epoch(): string {
    return this.currentEpoch;
  }

  /** A reset made by another node, seen by this node's tailer. */
  adoptEpoch(epoch: string): void {
    this.currentEpoch = epoch;
  }

  async reset(): Promise<string> {
    const epoch = randomUUID();
    await this.transaction(async (client) => {
      await client.query('DELETE FROM events');
      await client.query('DELETE FROM entities');
      await client.query('DELETE FROM idempotency');
      await client.query("INSERT INTO meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [epoch]);
      await client.query('SELECT pg_notify($1, $2)', [this.channel, `reset:${epoch}`]);
    });
    this.currentEpoch = epoch;
    return epoch;
  }

  async loadEntities(kind: EntityKind, since: number): Promise<unknown[]> {
    const { rows } = await this.query<{ data: string }>('SELECT data FROM entities WHERE kind = $1 AND (open OR updated_at >= $2)', [kind, since]);
    return rows.map((row) => JSON.parse(row.data));
  }

  async readEntityPage({ kind, afterId, limit, scope }: EntityPageQuery): Promise<unknown[]> {
    const prefix = scope ? scopePrefix(scope) : '/';
    // COLLATE "C": byte order, the same order SQLite's text comparison gives, whatever the database locale.
    const { rows } = await this.query<{ data: string }>(
      'SELECT data FROM entities WHERE kind = $1 AND id COLLATE "C" > $2 AND starts_with(path_key, $3) ORDER BY id COLLATE "C" LIMIT $4',
      [kind, afterId, prefix, limit],
    );
    return rows.map((row) => JSON.parse(row.data));
  }

  async findEntity(kind: EntityKind, id: string): Promise<unknown | undefined> {
    const { rows } = await this.query<{ data: string }>('SELECT data FROM entities WHERE kind = $1 AND id = $2', [kind, id]);
    return rows[0] ? JSON.parse(rows[0].data) : undefined;
  }

  async lastSeqByRegion(): Promise<Map<string, number>> {
    const { rows } = await this.query<{ path_key: string; seq: string }>('SELECT path_key, MAX(seq) AS seq FROM events GROUP BY path_key');
    const last = new Map<string, number>();
    for (const row of rows) {
      for (const code of row.path_key.split('/').filter(Boolean)) last.set(code, Math.max(last.get(code) ?? 0, Number(row.seq)));
    }
    return last;
  }

  async saveRevocation(jti: string, expiresAt: number): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('INSERT INTO revoked_tokens (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO UPDATE SET expires_at = excluded.expires_at', [jti, expiresAt]);
      await client.query('SELECT pg_notify($1, $2)', [this.channel, `revoke:${jti}`]);
    }, false);
  }

  async loadRevocations(now: number): Promise<string[]> {
    const { rows } = await this.query<{ jti: string }>('SELECT jti FROM revoked_tokens WHERE expires_at > $1', [now]);
    return rows.map((row) => row.jti);
  }

  /** Writable when a trivial statement answers within the connect and statement timeouts (under a second). */
  async health(): Promise<StoreHealth> {
    try {
      await this.pool.query('SELECT 1');
      return { writable: true };
    } catch (error) {
      return { writable: false, reason: toStoreError(error).message };
    }
  }

  async close(): Promise<void> {
    this.follower = null;
    await this.pool.end();
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** BEGIN, the writer lock (unless `ordered` is false), `body`, COMMIT; a failed client is discarded. */
  private async transaction<T>(body: (client: pg.PoolClient) => Promise<T>, ordered = true): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toStoreError(error);
    }
    let broken: Error | undefined;
    // A connection lost between two statements emits here, not on a query: the client is then discarded.
    const lost = (error: Error) => (broken = error);
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      if (ordered) await client.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK]);
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw toStoreError(error);
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  }
}

const parseBody = (row: { body: string | null }): JinlinEvent => JSON.parse(row.body as string) as JinlinEvent;

const selectEvents = async (client: pg.PoolClient, afterSeq: number, limit: number): Promise<JinlinEvent[]> =>
  (await client.query<{ body: string }>('SELECT body FROM events WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit])).rows.map(parseBody);

/** Under the writer lock: a key another node committed since this node looked is a conflict, not a second write. */
const refuseKnownKeys = async (client: pg.PoolClient, writes: CommandWrite[]) => {
  const keys = writes.flatMap((w) => (w.idempotency ? [w.idempotency.key] : []));
  if (keys.length === 0) return;
  const { rows } = await client.query<{ key: string }>('SELECT key FROM idempotency WHERE key = ANY($1::text[])', [keys]);
  if (rows[0]) throw new StoreUnavailableError(`Idempotency-Key ${rows[0].key} was just written through another node; retry to get its answer`, 1);
};

/** Creates the tables once per schema; nodes starting together take turns. Returns the schema used. */
const migrate = async (pool: pg.Pool): Promise<string> => {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    const schema = rows[0]?.schema;
    if (!schema) throw new Error('DATABASE_URL: no schema of the search_path exists; create it first');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(POSTGRES_SCHEMA);
      await client.query("INSERT INTO meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO NOTHING", [randomUUID()]);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
    return schema;
  } finally {
    client.release();
  }
};

const readEpoch = async (pool: pg.Pool): Promise<string> => {
  const { rows } = await pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'epoch'");
  return rows[0]?.value ?? '';
};
