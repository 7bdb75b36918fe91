import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JinlinEvent } from '../../../shared/domain/event';
import { StoreUnavailableError } from '../../errors';
import {
  scopePrefix,
  type CommandWrite,
  type EntityKind,
  type EntityPageQuery,
  type EventStore,
  type IdempotencyRecord,
  type ReadEventsQuery,
  type StoreHealth,
} from '../EventStore';
import { FileHealth } from './fileHealth';
import { SQLITE_SCHEMA } from './sqliteSchema';
import { SqliteWriterClient } from './SqliteWriterClient';

export interface SqliteOptions {
  file: string;
  /** How long a write may wait on a lock before we answer 503: short, it blocks the event loop. */
  busyTimeoutMs?: number;
}

/**
 * Embedded default store: WAL + synchronous=FULL, so a committed transaction survives power loss.
 * Commits run in a worker thread (the fsync would otherwise stall every socket for milliseconds);
 * reads use this thread's own connection, which WAL lets run beside the writer.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private head: number;
  private currentEpoch: string;
  private readonly writer: SqliteWriterClient;
  private readonly selectIdem: Database.Statement;
  private readonly readAll: Database.Statement;
  private readonly readScoped: Database.Statement;
  private readonly files: FileHealth;

  constructor(options: SqliteOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    const busyTimeoutMs = options.busyTimeoutMs ?? 100;
    this.db = new Database(options.file, { timeout: busyTimeoutMs });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SQLITE_SCHEMA);
    this.head = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS head FROM events').get() as { head: number }).head;
    // Created with the database (or on first open of one from before epochs), then kept across restarts.
    this.db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('epoch', ?)").run(randomUUID());
    this.currentEpoch = (this.db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as { value: string }).value;
    this.writer = new SqliteWriterClient(options.file, busyTimeoutMs);
    this.files = new FileHealth(options.file);
    this.selectIdem = this.db.prepare('SELECT * FROM idempotency WHERE key = ?');
    this.readAll = this.db.prepare('SELECT body FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    this.readScoped = this.db.prepare('SELECT body FROM events WHERE seq > ? AND substr(path_key, 1, ?) = ? ORDER BY seq LIMIT ?');
  }

  async commit(writes: CommandWrite[]): Promise<JinlinEvent[][]> {
    this.assertWritable();
    try {
      const committed = await this.writer.commit(writes);
      for (const events of committed) for (const event of events) this.head = Math.max(this.head, event.seq);
      return committed;
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  async findIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    const row = this.selectIdem.get(key) as
      | { key: string; fingerprint: string; status_code: number; body: string; created_at: number }
      | undefined;
    if (!row) return undefined;
    return {
      key: row.key,
      fingerprint: row.fingerprint,
      statusCode: row.status_code,
      body: JSON.parse(row.body),
      createdAt: row.created_at,
    };
  }

  async readEvents({ afterSeq, limit, scope }: ReadEventsQuery): Promise<JinlinEvent[]> {
    const prefix = scope ? scopePrefix(scope) : '';
    const rows = (scope ? this.readScoped.all(afterSeq, prefix.length, prefix, limit) : this.readAll.all(afterSeq, limit)) as {
      body: string;
    }[];
    return rows.map((row) => JSON.parse(row.body) as JinlinEvent);
  }

  async headSeq(): Promise<number> {
    return this.head;
  }

  epoch(): string {
    return this.currentEpoch;
  }

  async reset(): Promise<string> {
    const epoch = randomUUID();
    this.assertWritable();
    await this.writer.reset(epoch);
    this.head = 0;
    this.currentEpoch = epoch;
    return epoch;
  }

  async loadEntities(kind: EntityKind, since: number): Promise<unknown[]> {
    const rows = this.db
      .prepare('SELECT data FROM entities WHERE kind = ? AND (open = 1 OR updated_at >= ?)')
      .all(kind, since) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data));
  }

  async readEntityPage({ kind, afterId, limit, scope }: EntityPageQuery): Promise<unknown[]> {
    const prefix = scope ? scopePrefix(scope) : '/';
    const rows = this.db
      .prepare('SELECT data FROM entities WHERE kind = ? AND id > ? AND substr(path_key, 1, ?) = ? ORDER BY id LIMIT ?')
      .all(kind, afterId, prefix.length, prefix, limit) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data));
  }

  async findEntity(kind: EntityKind, id: string): Promise<unknown | undefined> {
    const row = this.db.prepare('SELECT data FROM entities WHERE kind = ? AND id = ?').get(kind, id) as { data: string } | undefined;
    return row ? JSON.parse(row.data) : undefined;
  }

  async lastSeqByRegion(): Promise<Map<string, number>> {
    const rows = this.db.prepare('SELECT path_key, MAX(seq) AS seq FROM events GROUP BY path_key').all() as {
      path_key: string;
      seq: number;
    }[];
    const last = new Map<string, number>();
    for (const row of rows) {
      for (const code of row.path_key.split('/').filter(Boolean)) {
        last.set(code, Math.max(last.get(code) ?? 0, row.seq));
      }
    }
    return last;
  }

  async saveRevocation(jti: string, expiresAt: number): Promise<void> {
    this.assertWritable();
    try {
      this.db.prepare('INSERT OR REPLACE INTO revoked_tokens (jti, expires_at) VALUES (?, ?)').run(jti, expiresAt);
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  async loadRevocations(now: number): Promise<string[]> {
    const rows = this.db.prepare('SELECT jti FROM revoked_tokens WHERE expires_at > ?').all(now) as { jti: string }[];
    return rows.map((row) => row.jti);
  }

  async health(): Promise<StoreHealth> {
    return this.files.check();
  }

  /** Refuses (503) a write that would be acknowledged and then lost, or could not fit. */
  private assertWritable(): void {
    const health = this.files.check();
    if (!health.writable) throw new StoreUnavailableError(`event store cannot make writes durable: ${health.reason}`, 5);
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
  }

  private unavailable(error: unknown): Error {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_FULL') {
      return new StoreUnavailableError(`event store unavailable (${code})`);
    }
    return error as Error;
  }
}
