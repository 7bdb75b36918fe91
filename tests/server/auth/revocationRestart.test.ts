import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signToken } from '../../../server/auth/tokens';
import { GANZHE_STREET } from '../helpers/fixtures';
import { TEST_AUTH_SECRET, startTestServer, type TestServer } from '../helpers/testServer';

const REVOKE = '/api/v1/admin/tokens/revoke';

/** Two servers in turn on one SQLite data dir: what the first was told, the second must still know. */
describe('a revoked token after a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-revoke-'));
  const servers: TestServer[] = [];
  const start = async () => {
    const server = await startTestServer({ dataDir, listen: false });
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    for (const server of servers) await server.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const street = () => signToken({ role: 'street', scope: GANZHE_STREET, ttlSeconds: 3600, now: Date.now() }, TEST_AUTH_SECRET);
  const me = (server: TestServer, token: string) => server.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

  it('stays refused when it was revoked with expiresAt equal to its exp claim (seconds)', async () => {
    const first = await start();
    const byClaim = street();
    const byMillis = street();
    const byDefault = street();
    for (const [token, expiresAt] of [
      [byClaim, byClaim.claims.exp],
      [byMillis, byMillis.claims.exp * 1000],
      [byDefault, undefined],
    ] as const) {
      const revoke = await first.app.inject({ method: 'POST', url: REVOKE, headers: first.admin, payload: { jti: token.claims.jti, ...(expiresAt === undefined ? {} : { expiresAt }) } });
      expect(revoke.statusCode).toBe(200);
      expect((await me(first, token.token)).statusCode).toBe(401);
    }
    await first.close();

    const second = await start();
    for (const token of [byClaim, byMillis, byDefault]) expect((await me(second, token.token)).statusCode).toBe(401);
    // A token nobody revoked still works: the deny list is not refusing everything.
    expect((await me(second, street().token)).statusCode).toBe(200);
  });

  it('refuses an infinite or past expiresAt with a 4xx naming the field, and stores nothing', async () => {
    const server = servers.at(-1) ?? (await start());
    const token = street();
    for (const raw of [`{"jti":"${token.claims.jti}","expiresAt":1e309}`, `{"jti":"${token.claims.jti}","expiresAt":3600}`]) {
      const response = await server.app.inject({ method: 'POST', url: REVOKE, headers: { ...server.admin, 'content-type': 'application/json' }, payload: raw });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.json().message).toMatch(/expiresAt/);
    }
    expect((await me(server, token.token)).statusCode).toBe(200);
  });
});
