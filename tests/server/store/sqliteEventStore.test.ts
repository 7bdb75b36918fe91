import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../server/store/sqlite/SqliteEventStore';
import { eventStoreContract } from './eventStoreContract';

// The embedded store: a real file in a fresh directory per test; "another writer" is a second connection.
eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jinlin-store-'));
  const file = join(dir, 'events.sqlite');
  return {
    open: async () => new SqliteEventStore({ file }),
    holdWriter: async () => {
      const other = new Database(file);
      other.exec('BEGIN IMMEDIATE');
      return async () => {
        other.exec('ROLLBACK');
        other.close();
      };
    },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
