import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nowMs } from './nowMs';
import { round, Samples, type LatencySummary } from './stats';

export interface CommitProbe {
  what: string;
  commitsPerS: number;
  commit: LatencySummary;
}

/**
 * The disk's floor under durable ingest: one-row transactions in WAL mode with synchronous=FULL
 * (the real store's settings) in the same temp filesystem. A single writer waiting for each
 * commit (concurrency 1) cannot be faster than this; group commit is how the server beats it.
 */
export const probeSqliteCommits = (durationMs: number): CommitProbe => {
  const dir = mkdtempSync(join(tmpdir(), 'jinlin-bench-sqlite-'));
  try {
    const db = new Database(join(dir, 'probe.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE events (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO events (body) VALUES (?)');
    const commitOne = db.transaction((body: string) => insert.run(body));
    const body = 'x'.repeat(800);
    const samples = new Samples();
    const startMs = nowMs();
    while (nowMs() - startMs < durationMs) {
      const beforeMs = nowMs();
      commitOne(body);
      samples.push(nowMs() - beforeMs);
    }
    const elapsedMs = nowMs() - startMs;
    db.close();
    return {
      what: 'raw better-sqlite3: one 800-byte INSERT per transaction, WAL, synchronous=FULL, same temp filesystem',
      commitsPerS: round(samples.count / (elapsedMs / 1000), 1),
      commit: samples.summary(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
