import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../../server/errors';
import { PostgresEventStore } from '../../../server/store/postgres/PostgresEventStore';
import { wishPosted, wishRow } from './storeFixtures';
import { startTcpProxy } from './tcpProxy';
import { createTestSchema, PG_TEST_URL, type TestSchema } from './pgTestSchema';

// Several nodes on one log: each store here is what one node holds.
describe('PostgresEventStore shared by several nodes', () => {
  let schema: TestSchema;
  let nodes: PostgresEventStore[];
  beforeEach(async () => {
    schema = await createTestSchema();
    nodes = await Promise.all([1, 2, 3].map(() => PostgresEventStore.open({ connectionString: PG_TEST_URL, schema: schema.name })));
  });
  afterEach(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await schema.drop();
  });

  it('numbers concurrent commits from every node gap-free, so a reader tailing seq > n never misses one', async () => {
    let n = 0;
    let writing = true;
    const tailed: number[] = [];
    // A tailer as a node runs it: it moves past whatever it saw, so a lower seq appearing later would be lost.
    const reader = (async () => {
      for (let done = false; !done; ) {
        done = !writing;
        for (const event of await nodes[2]!.readEvents({ afterSeq: tailed.at(-1) ?? 0, limit: 1000 })) tailed.push(event.seq);
      }
    })();
    await Promise.all(
      nodes.map(async (node) => {
        for (let i = 0; i < 20; i++) await node.commit([{ events: [wishPosted(++n), wishPosted(++n)], entities: [] }]);
      }),
    );
    writing = false;
    await reader;
    expect(tailed).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it('writes an Idempotency-Key once when two nodes commit it at the same moment', async () => {
    const record = (node: number) => ({ key: 'same-key', fingerprint: 'f', statusCode: 201, body: { node }, createdAt: 1 });
    const outcomes = await Promise.allSettled(nodes.map((node, i) => node.commit([{ events: [wishPosted(10 + i)], entities: [], idempotency: record(i) }])));
    const written = outcomes.filter((o) => o.status === 'fulfilled');
    expect(written).toHaveLength(1);
    for (const refused of outcomes.filter((o) => o.status === 'rejected')) expect(refused.reason).toBeInstanceOf(StoreUnavailableError);
    expect(await nodes[0]!.headSeq()).toBe(1);
    const winner = outcomes.findIndex((o) => o.status === 'fulfilled');
    expect(await nodes[2]!.findIdempotency('same-key')).toMatchObject({ body: { node: winner } });
  });

  it('refuses a write to an entity another node changed after this node last applied the log', async () => {
    const [a, b] = [nodes[0]!, nodes[1]!];
    // Node a has applied nothing yet: it decided about W-1 without seeing b's commit.
    a.follow({ appliedSeq: () => 0, committed: async () => undefined });
    await b.commit([{ events: [wishPosted(1)], entities: [wishRow('W-1', true, 1)] }]);
    await expect(a.commit([{ events: [wishPosted(2)], entities: [wishRow('W-1', false, 2)] }])).rejects.toBeInstanceOf(StoreUnavailableError);
    // Other entities are not held up by it.
    await a.commit([{ events: [wishPosted(3)], entities: [wishRow('W-3', true, 3)] }]);
    expect((await b.readEvents({ afterSeq: 0, limit: 10 })).map((e) => e.id)).toEqual(['EV-1', 'EV-3']);
  });

  it('refuses a write decided before another node reset the log', async () => {
    await nodes[0]!.commit([{ events: [wishPosted(1)], entities: [] }]);
    await nodes[1]!.reset();
    await expect(nodes[0]!.commit([{ events: [wishPosted(2)], entities: [] }])).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await nodes[0]!.headSeq()).toBe(0);
  });

  it('reads the tail and its epoch in one snapshot', async () => {
    await nodes[0]!.commit([{ events: [wishPosted(1), wishPosted(2), wishPosted(3)], entities: [] }]);
    const tail = await nodes[1]!.readTail(1, 10);
    expect(tail.epoch).toBe(nodes[0]!.epoch());
    expect(tail.events.map((e) => e.seq)).toEqual([2, 3]);
    expect(await nodes[1]!.readTail(3, 10)).toEqual({ epoch: nodes[0]!.epoch(), events: [] });
  });

  it.each(['refuse', 'blackhole'] as const)('answers a commit with unavailable after its short timeouts, never hanging, when PostgreSQL is away (%s)', async (mode) => {
    const proxy = await startTcpProxy(5432);
    const url = PG_TEST_URL.replace('127.0.0.1:5432', `127.0.0.1:${proxy.port}`);
    const node = await PostgresEventStore.open({ connectionString: url, schema: schema.name });
    try {
      await node.commit([{ events: [wishPosted(1)], entities: [] }]);
      proxy.mode(mode);
      const started = Date.now();
      await expect(node.commit([{ events: [wishPosted(2)], entities: [] }])).rejects.toBeInstanceOf(StoreUnavailableError);
      // Bounded, not hanging: the store's timeouts are 800 ms (a loaded CI machine adds to that).
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await node.health()).toMatchObject({ writable: false, reason: expect.stringContaining('unavailable') });
      proxy.mode('pass');
      expect(await node.health()).toEqual({ writable: true });
      // Back by itself: the next commit continues the log.
      const [events] = await node.commit([{ events: [wishPosted(3)], entities: [] }]);
      expect(events?.[0]?.seq).toBe(2);
    } finally {
      await node.close();
      await proxy.close();
    }
  });
});
