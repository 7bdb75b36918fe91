import Database from 'better-sqlite3';
import type { JinlinEvent } from '../../../shared/domain/event';
import { pathKey, type CommandWrite } from '../EventStore';

/**
 * The write side of the SQLite store: one transaction per batch of commands, events numbered
 * from the log's head. Runs inside the writer worker so the fsync never blocks the event loop.
 */
export class SqliteWriter {
  private readonly db: Database.Database;
  private head: number;
  private readonly insertEvent: Database.Statement;
  private readonly upsertEntity: Database.Statement;
  private readonly insertIdem: Database.Statement;
  private readonly writeTx: (writes: CommandWrite[]) => JinlinEvent[][];
  private readonly resetTx: (epoch: string) => void;

  constructor(file: string, busyTimeoutMs: number) {
    this.db = new Database(file, { timeout: busyTimeoutMs });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.head = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS head FROM events').get() as { head: number }).head;
    this.insertEvent = this.db.prepare('INSERT INTO events (seq, id, type, at, path_key, body) VALUES (?, ?, ?, ?, ?, ?)');
    this.upsertEntity = this.db.prepare(
      `INSERT INTO entities (kind, id, path_key, open, updated_at, data) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET path_key = excluded.path_key, open = excluded.open,
       updated_at = excluded.updated_at, data = excluded.data`,
    );
    this.insertIdem = this.db.prepare('INSERT INTO idempotency (key, fingerprint, status_code, body, created_at) VALUES (?, ?, ?, ?, ?)');
    this.writeTx = this.db.transaction((writes: CommandWrite[]) => this.writeAll(writes));
    this.resetTx = this.db.transaction((epoch: string) => {
      this.db.exec('DELETE FROM events; DELETE FROM entities; DELETE FROM idempotency;');
      this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('epoch', ?)").run(epoch);
    });
  }

  /**
   * "Reset to morning": the log, the current-state rows and the idempotency records go, and the
   * epoch changes, in one transaction; revoked tokens stay revoked. On error nothing has changed.
   */
  reset(epoch: string): void {
    this.resetTx(epoch);
    this.head = 0;
  }

  /** All or nothing: on any error the transaction rolls back and the head does not move. */
  commit(writes: CommandWrite[]): JinlinEvent[][] {
    const committed = this.writeTx(writes);
    for (const events of committed) for (const event of events) this.head = Math.max(this.head, event.seq);
    return committed;
  }

  private writeAll(writes: CommandWrite[]): JinlinEvent[][] {
    let seq = this.head;
    return writes.map((write) => {
      const events = write.events.map((event) => {
        const withSeq = { ...event, seq: ++seq } as JinlinEvent;
        this.insertEvent.run(seq, event.id, event.type, event.at, pathKey(event.regionPath), JSON.stringify(withSeq));
        return withSeq;
      });
      for (const row of write.entities) {
        this.upsertEntity.run(row.kind, row.id, pathKey(row.regionPath), row.open ? 1 : 0, row.updatedAt, JSON.stringify(row.data));
      }
      const idem = write.idempotency;
      if (idem) this.insertIdem.run(idem.key, idem.fingerprint, idem.statusCode, JSON.stringify(idem.body), idem.createdAt);
      return events;
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
