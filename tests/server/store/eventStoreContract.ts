import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../../server/errors';
import type { EventStore } from '../../../server/store/EventStore';
import { BAISHA_GRID, GANZHE_GRID, wishPosted, wishRow } from './storeFixtures';

/** One place holding one log (a file, a schema): opened as often as a test likes, removed at the end. */
export interface StoreHome {
  open(): Promise<EventStore>;
  /** Another writer holding the log's write lock until the returned release is called. */
  holdWriter(): Promise<() => Promise<void>>;
  remove(): Promise<void>;
}

/**
 * What every EventStore promises, whatever the engine: run by each backend's test file against a
 * real database. Backend-only behaviour (worker threads, several nodes) stays in those files.
 */
export const eventStoreContract = (name: string, createHome: () => Promise<StoreHome>) =>
  describe(`EventStore contract: ${name}`, () => {
    let home: StoreHome;
    let store: EventStore;
    beforeEach(async () => {
      home = await createHome();
      store = await home.open();
    });
    afterEach(async () => {
      await store.close();
      await home.remove();
    });

    it('gives the events of several commands consecutive seqs in one transaction', async () => {
      const committed = await store.commit([
        { events: [wishPosted(1, GANZHE_GRID)], entities: [] },
        { events: [wishPosted(2, BAISHA_GRID), wishPosted(3, BAISHA_GRID)], entities: [] },
      ]);
      expect(committed.map((events) => events.map((e) => e.seq))).toEqual([[1], [2, 3]]);
      expect(await store.headSeq()).toBe(3);
    });

    it('keeps the log and its epoch after a reopen, continuing the sequence', async () => {
      await store.commit([{ events: [wishPosted(1)], entities: [] }]);
      const epoch = store.epoch();
      await store.close();
      store = await home.open();
      expect(store.epoch()).toBe(epoch);
      const [events] = await store.commit([{ events: [wishPosted(2)], entities: [] }]);
      expect(events?.[0]?.seq).toBe(2);
      expect(await store.headSeq()).toBe(2);
    });

    it('reads back each event exactly as committed, seq included', async () => {
      const [events] = await store.commit([{ events: [wishPosted(1)], entities: [] }]);
      expect(await store.readEvents({ afterSeq: 0, limit: 10 })).toEqual(events);
    });

    it('reads only the events inside a scope, after a seq, in order, up to the limit', async () => {
      await store.commit([1, 2, 3, 4].map((n) => ({ events: [wishPosted(n, n % 2 ? GANZHE_GRID : BAISHA_GRID)], entities: [] })));
      const ganzhe = await store.readEvents({ afterSeq: 0, limit: 10, scope: '350121001' });
      expect(ganzhe.map((e) => e.seq)).toEqual([1, 3]);
      expect((await store.readEvents({ afterSeq: 1, limit: 10 })).map((e) => e.seq)).toEqual([2, 3, 4]);
      expect((await store.readEvents({ afterSeq: 0, limit: 2 })).map((e) => e.seq)).toEqual([1, 2]);
      expect((await store.readEvents({ afterSeq: 0, limit: 10, scope: GANZHE_GRID })).map((e) => e.seq)).toEqual([1, 3]);
    });

    it('knows the newest seq of every region code that has events', async () => {
      await store.commit([1, 2, 3, 4].map((n) => ({ events: [wishPosted(n, n % 2 ? GANZHE_GRID : BAISHA_GRID)], entities: [] })));
      const last = await store.lastSeqByRegion();
      expect(last.get('350121107')).toBe(4);
      expect(last.get('350121001')).toBe(3);
      expect(last.get('350121')).toBe(4);
    });

    it('writes nothing of a batch when any part of it fails', async () => {
      await store.commit([{ events: [wishPosted(1)], entities: [] }]);
      const duplicateId = wishPosted(1);
      const batch = [
        { events: [wishPosted(2)], entities: [wishRow('W-2', true, 1)] },
        { events: [duplicateId], entities: [] },
      ];
      await expect(store.commit(batch)).rejects.toThrow();
      expect(await store.headSeq()).toBe(1);
      expect(await store.readEvents({ afterSeq: 0, limit: 10 })).toHaveLength(1);
      expect(await store.loadEntities('wish', 0)).toEqual([]);
    });

    it('reports a log locked by another writer as unavailable instead of waiting on it', async () => {
      const release = await home.holdWriter();
      try {
        // Waiting on the lock would hang this test: the store gives up after its short lock timeout instead.
        await expect(store.commit([{ events: [wishPosted(1)], entities: [] }])).rejects.toBeInstanceOf(StoreUnavailableError);
      } finally {
        await release();
      }
      expect(await store.headSeq()).toBe(0);
    });

    it('loads open entities and recently closed ones only, each at its latest state', async () => {
      await store.commit([{ events: [], entities: [wishRow('open-old', true, 1), wishRow('closed-old', false, 1), wishRow('closed-new', true, 100)] }]);
      await store.commit([{ events: [], entities: [wishRow('closed-new', false, 100, { id: 'closed-new', v: 2 })] }]);
      const loaded = (await store.loadEntities('wish', 50)) as { id: string; v?: number }[];
      expect(loaded.sort((a, b) => a.id.localeCompare(b.id))).toEqual([{ id: 'closed-new', v: 2 }, { id: 'open-old' }]);
      expect(await store.loadEntities('incident', 0)).toEqual([]);
    });

    it('keeps the last state of an entity written twice in one batch', async () => {
      await store.commit([
        { events: [], entities: [wishRow('W-1', true, 1, { id: 'W-1', v: 1 })] },
        { events: [], entities: [wishRow('W-1', false, 2, { id: 'W-1', v: 2 })] },
      ]);
      expect(await store.loadEntities('wish', 0)).toEqual([{ id: 'W-1', v: 2 }]);
    });

    it('finds the idempotency record written with a command, and no other', async () => {
      const record = { key: 'K-1', fingerprint: 'f1', statusCode: 201, body: { id: 'W-1', 名: '赵六' }, createdAt: 5 };
      await store.commit([{ events: [wishPosted(1)], entities: [], idempotency: record }]);
      expect(await store.findIdempotency('K-1')).toEqual(record);
      expect(await store.findIdempotency('K-2')).toBeUndefined();
    });

    it('resets to an empty log under a new epoch, seqs from 1, revoked tokens kept', async () => {
      const record = { key: 'K-1', fingerprint: 'f1', statusCode: 201, body: {}, createdAt: 5 };
      await store.commit([{ events: [wishPosted(1), wishPosted(2)], entities: [wishRow('W-1', true, 1)], idempotency: record }]);
      await store.saveRevocation('jti-1', Date.now() + 60_000);
      const before = store.epoch();
      const epoch = await store.reset();
      expect(epoch).not.toBe(before);
      expect(store.epoch()).toBe(epoch);
      expect(await store.headSeq()).toBe(0);
      expect(await store.readEvents({ afterSeq: 0, limit: 10 })).toEqual([]);
      expect(await store.loadEntities('wish', 0)).toEqual([]);
      expect(await store.findIdempotency('K-1')).toBeUndefined();
      expect(await store.lastSeqByRegion()).toEqual(new Map());
      expect(await store.loadRevocations(Date.now())).toEqual(['jti-1']);
      const [events] = await store.commit([{ events: [wishPosted(1)], entities: [] }]);
      expect(events?.[0]?.seq).toBe(1);
      await store.close();
      store = await home.open();
      expect(store.epoch()).toBe(epoch);
    });

    it('keeps revocations until the token would have expired, across a reopen', async () => {
      const now = Date.now();
      await store.saveRevocation('live', now + 60_000);
      await store.saveRevocation('gone', now - 1);
      await store.saveRevocation('live', now + 120_000);
      await store.close();
      store = await home.open();
      expect(await store.loadRevocations(now)).toEqual(['live']);
      expect(await store.loadRevocations(now + 100_000)).toEqual(['live']);
      expect(await store.loadRevocations(now + 130_000)).toEqual([]);
    });
  });
