import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventsPage } from '../../../shared/contract/snapshot';
import { DemoError } from '../../../server/demo/DemoControls';
import { signToken } from '../../../server/auth/tokens';
import { SqliteEventStore } from '../../../server/store/sqlite/SqliteEventStore';
import { gridIn, incidentAt } from '../helpers/fixtures';
import { startTestServer, TEST_AUTH_SECRET, type TestServer } from '../helpers/testServer';

describe('reset to morning and the store', () => {
  let server: TestServer;
  const report = async (n: number) => {
    const grid = gridIn(server.services.county, '350121001', n);
    const response = await server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: server.admin, payload: incidentAt(grid) });
    expect(response.statusCode).toBe(201);
  };
  const readLog = async () => (await server.app.inject({ url: '/api/v1/events?after=0', headers: server.admin })).json<EventsPage>();

  beforeEach(async () => {
    server = await startTestServer({ listen: false });
  });
  afterEach(async () => {
    await server.close();
  });

  it('empties the log, restarts seqs at 1 under a new epoch, and keeps revoked tokens revoked', async () => {
    for (let n = 0; n < 3; n++) await report(n);
    const { token, claims } = signToken({ role: 'operator', scope: '350121', ttlSeconds: 3600, now: Date.now() }, TEST_AUTH_SECRET);
    const revoke = await server.app.inject({ method: 'POST', url: '/api/v1/admin/tokens/revoke', headers: server.admin, payload: { jti: claims.jti } });
    expect(revoke.statusCode).toBe(200);
    const before = await readLog();

    const result = await server.services.demo.reset();
    expect(result.headSeq).toBe(0);
    expect(result.epoch).not.toBe(before.epoch);
    expect(await readLog()).toEqual({ events: [], nextAfter: 0, hasMore: false, headSeq: 0, epoch: result.epoch });
    expect(server.services.live.entities.incidents.size).toBe(0);

    const refused = await server.app.inject({ url: '/api/v1/snapshot', headers: { authorization: `Bearer ${token}` } });
    expect(refused.statusCode).toBe(401);
    expect(await server.services.store.loadRevocations(Date.now())).toContain(claims.jti);

    await report(0);
    const after = await readLog();
    expect(after.events.map((e) => e.seq)).toEqual([1]);
    expect(after.epoch).toBe(result.epoch);
  });

  it('keeps its epoch across a restart, and a new database gets another', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jinlin-epoch-'));
    try {
      const first = new SqliteEventStore({ file: join(dir, 'a.sqlite') });
      const epoch = first.epoch();
      await first.close();
      const reopened = new SqliteEventStore({ file: join(dir, 'a.sqlite') });
      const other = new SqliteEventStore({ file: join(dir, 'b.sqlite') });
      expect(reopened.epoch()).toBe(epoch);
      expect(other.epoch()).not.toBe(epoch);
      await reopened.close();
      await other.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the store exactly as it was when the wipe fails half-way (one transaction)', async () => {
    for (let n = 0; n < 3; n++) await report(n);
    const before = await readLog();
    // The epoch is written last in the wipe's transaction: refusing it fails the wipe after the deletes.
    const db = new Database(join(server.dataDir, 'jinlin.sqlite'));
    db.exec("CREATE TRIGGER refuse_new_epoch BEFORE INSERT ON meta BEGIN SELECT RAISE(ABORT, 'disk says no'); END;");

    const failure = await server.services.demo.reset().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DemoError);
    expect(failure).toMatchObject({ code: 'reset_failed', statusCode: 503, message: expect.stringContaining('disk says no') });
    expect(await readLog()).toEqual(before);
    const rows = db.prepare('SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM entities) AS entities').get();
    expect(rows).toEqual({ events: 3, entities: 3 });
    expect(server.services.store.epoch()).toBe(before.epoch);
    expect(server.services.live.headSeq).toBe(3);
    expect(server.services.demo.resetting()).toBe(false);

    // Nothing is left held: writes go on, and once the disk is fine a reset works.
    await report(3);
    expect((await readLog()).events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    db.exec('DROP TRIGGER refuse_new_epoch');
    db.close();
    expect((await server.services.demo.reset()).headSeq).toBe(0);
  });
});
