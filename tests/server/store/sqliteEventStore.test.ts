import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../../shared/domain/event';
import { StoreUnavailableError } from '../../../server/errors';
import { SqliteEventStore } from '../../../server/store/sqlite/SqliteEventStore';

const path = (grid: string) => [grid.slice(0, 6), grid.slice(0, 9), grid.slice(0, 12), grid.slice(0, 15), grid];
const wishPosted = (n: number, grid: string): NewEvent => ({
  id: `EV-${n}`,
  type: 'wish:posted',
  at: 1_700_000_000_000 + n,
  regionPath: path(grid),
  payload: {
    wish: {
      id: `W-${n}`,
      title: '修轮椅',
      description: '',
      status: 'posted',
      regionCode: grid,
      regionPath: path(grid),
      residentName: '赵六',
      postedAt: 1_700_000_000_000 + n,
    },
  },
});

describe('SqliteEventStore', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jinlin-store-'));
    file = join(dir, 'events.sqlite');
    store = new SqliteEventStore({ file });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the events of several commands consecutive seqs in one transaction', async () => {
    const committed = await store.commit([
      { events: [wishPosted(1, '35012100100100101')], entities: [] },
      { events: [wishPosted(2, '35012110700100101')], entities: [] },
    ]);
    expect(committed.map((events) => events.map((e) => e.seq))).toEqual([[1], [2]]);
    expect(await store.headSeq()).toBe(2);
  });

  it('keeps the log after a reopen, continuing the sequence', async () => {
    await store.commit([{ events: [wishPosted(1, '35012100100100101')], entities: [] }]);
    await store.close();
    store = new SqliteEventStore({ file });
    const [events] = await store.commit([{ events: [wishPosted(2, '35012100100100101')], entities: [] }]);
    expect(events?.[0]?.seq).toBe(2);
  });

  it('reads only the events inside a scope, after a seq, in order', async () => {
    await store.commit([1, 2, 3, 4].map((n) => ({ events: [wishPosted(n, n % 2 ? '35012100100100101' : '35012110700100101')], entities: [] })));
    const ganzhe = await store.readEvents({ afterSeq: 0, limit: 10, scope: '350121001' });
    expect(ganzhe.map((e) => e.seq)).toEqual([1, 3]);
    expect((await store.readEvents({ afterSeq: 1, limit: 10 })).map((e) => e.seq)).toEqual([2, 3, 4]);
    expect((await store.lastSeqByRegion()).get('350121107')).toBe(4);
  });

  it('writes nothing of a batch when any part of it fails', async () => {
    await store.commit([{ events: [wishPosted(1, '35012100100100101')], entities: [] }]);
    const duplicateId = wishPosted(1, '35012100100100101');
    await expect(store.commit([{ events: [wishPosted(2, '35012100100100101')], entities: [] }, { events: [duplicateId], entities: [] }])).rejects.toThrow();
    expect(await store.headSeq()).toBe(1);
    expect(await store.readEvents({ afterSeq: 0, limit: 10 })).toHaveLength(1);
  });

  it('reports a locked database as unavailable instead of waiting on it', async () => {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(store.commit([{ events: [wishPosted(1, '35012100100100101')], entities: [] }])).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await store.headSeq()).toBe(0);
  });

  it('loads open entities and recently closed ones only', async () => {
    const row = (id: string, open: boolean, updatedAt: number) => ({ kind: 'wish' as const, id, regionPath: ['350121'], open, updatedAt, data: { id } });
    await store.commit([{ events: [], entities: [row('open-old', true, 1), row('closed-old', false, 1), row('closed-new', false, 100)] }]);
    const loaded = (await store.loadEntities('wish', 50)) as { id: string }[];
    expect(loaded.map((w) => w.id).sort()).toEqual(['closed-new', 'open-old']);
  });
});
