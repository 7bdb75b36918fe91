import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntityRow, EventStore } from '../../../server/store/EventStore';
import { PostgresEventStore } from '../../../server/store/postgres/PostgresEventStore';
import { SqliteEventStore } from '../../../server/store/sqlite/SqliteEventStore';
import { createTestSchema, PG_TEST_URL } from '../store/pgTestSchema';
import { BAISHA_GRID, GANZHE_GRID, gridPath, wishPosted } from '../store/storeFixtures';

const row = (id: string, grid: string): EntityRow => ({ kind: 'incident', id, regionPath: gridPath(grid), open: true, updatedAt: 1, data: { id, grid } });

/** Ids whose order differs between byte order and a locale's collation (case, punctuation, digits). */
const IDS = ['b-2', 'B-1', 'a_3', 'a-10', 'a-9', 'Z', 'inc-0', 'inc-00', 'x:1', 'x.1'];

const backends: Array<[string, () => Promise<{ store: EventStore; remove: () => Promise<void> }>]> = [
  ['sqlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jinlin-pages-'));
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    return { store, remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }],
  ['postgres', async () => {
    const schema = await createTestSchema();
    const store = await PostgresEventStore.open({ connectionString: PG_TEST_URL, schema: schema.name });
    return { store, remove: () => schema.drop() };
  }],
];

describe.each(backends)('%s entity pages', (_name, open) => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('walks every row of a scope once, in id order, a page at a time, and finds one by id', async () => {
    const { store, remove } = await open();
    cleanup = async () => {
      await store.close();
      await remove();
    };
    const rows = IDS.map((id, n) => row(id, n % 3 === 0 ? BAISHA_GRID : GANZHE_GRID));
    await store.commit([{ events: [wishPosted(1)], entities: rows }]);
    const walk = async (scope?: string) => {
      const seen: string[] = [];
      let afterId = '';
      for (;;) {
        const page = (await store.readEntityPage({ kind: 'incident', afterId, limit: 3, ...(scope ? { scope } : {}) })) as { id: string }[];
        seen.push(...page.map((r) => r.id));
        if (page.length < 3) return seen;
        afterId = page.at(-1)!.id;
      }
    };
    expect(await walk()).toEqual([...IDS].sort());
    expect(await walk(GANZHE_GRID.slice(0, 9))).toEqual(rows.filter((r) => r.regionPath.includes(GANZHE_GRID)).map((r) => r.id).sort());
    expect(await store.readEntityPage({ kind: 'wish', afterId: '', limit: 10 })).toEqual([]);
    expect(await store.findEntity('incident', 'x:1')).toEqual({ id: 'x:1', grid: GANZHE_GRID });
    expect(await store.findEntity('incident', 'nope')).toBeUndefined();
  });
});
