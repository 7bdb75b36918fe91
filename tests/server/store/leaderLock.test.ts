import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { LeaderLock } from '../../../server/store/postgres/LeaderLock';
import { PG_TEST_URL } from './pgTestSchema';

/** A node's lock and the leadership changes it reported, with a way to wait for the next one. */
const node = (name: string) => {
  const changes: boolean[] = [];
  let notify = () => undefined as void;
  const lock = new LeaderLock({ connectionString: PG_TEST_URL }, name, (leading) => {
    changes.push(leading);
    notify();
  });
  const next = (leading: boolean) =>
    new Promise<void>((resolve) => {
      if (lock.isLeader === leading) return resolve();
      notify = () => lock.isLeader === leading && resolve();
    });
  return { lock, changes, next };
};

describe('LeaderLock', () => {
  const open: LeaderLock[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((lock) => lock.close()));
  });

  it('lets exactly one node of a log lead, and another take over when the leader goes', async () => {
    const name = `jinlin-leader:${randomUUID()}`;
    const nodes = [node(name), node(name), node(name)];
    open.push(...nodes.map((n) => n.lock));
    await Promise.all(nodes.map((n) => n.lock.start()));
    const leaders = nodes.filter((n) => n.lock.isLeader);
    expect(leaders).toHaveLength(1);
    const [leader] = leaders;
    const followers = nodes.filter((n) => n !== leader);
    const takeover = Promise.race(followers.map(async (n) => (await n.next(true), n)));
    const started = Date.now();
    await leader!.lock.close();
    const successor = await takeover;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(followers.filter((n) => n.lock.isLeader)).toEqual([successor]);
    expect(leader!.changes).toEqual([true, false]);
  });

  it('elects a leader per log: another schema on the same database has its own', async () => {
    const a = node(`jinlin-leader:${randomUUID()}`);
    const b = node(`jinlin-leader:${randomUUID()}`);
    open.push(a.lock, b.lock);
    await Promise.all([a.lock.start(), b.lock.start()]);
    expect([a.lock.isLeader, b.lock.isLeader]).toEqual([true, true]);
  });
});
