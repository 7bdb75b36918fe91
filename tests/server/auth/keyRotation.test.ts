import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signToken } from '../../../server/auth/tokens';
import { startTestServer, type TestServer } from '../helpers/testServer';

/** The CLI as an operator runs it; asynchronously, so the server under test keeps its event loop. */
const tokenCli = (dataDir: string, ...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile('npx', ['tsx', 'server/auth/tokenCli.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, AUTH_SECRET: '' }, encoding: 'utf8' }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    ),
  );

/** An install that has run for a while on its generated DATA_DIR/auth-secret, then rotates it. */
describe('rotating the token signing key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-keys-'));
  const legacySecret = 'an-auth-secret-kept-in-the-data-dir';
  writeFileSync(join(dataDir, 'auth-secret'), `${legacySecret}\n`);
  let server: TestServer | undefined;
  const restart = async () => {
    await server?.close();
    server = await startTestServer({ dataDir, listen: false, env: { AUTH_SECRET: '' } });
    return server;
  };
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const me = (token: string) => server!.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  const issue = async () => {
    const admin = signToken({ role: 'admin', scope: '350121', ttlSeconds: 600, now: Date.now() }, server!.services.secret).token;
    const response = await server!.app.inject({ method: 'POST', url: '/api/v1/admin/tokens', headers: { authorization: `Bearer ${admin}` }, payload: { role: 'display', scope: '350121', ttlSeconds: 3600 } });
    return response.json().token as string;
  };
  const kidOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { kid?: string }).kid;
  // A token from before keys had ids: the header had no kid at all.
  const legacyInput = [{ alg: 'HS256', typ: 'JWT' }, { role: 'display', scope: '350121', jti: 'legacy-1', exp: Math.floor(Date.now() / 1000) + 3600 }]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.');
  const legacy = `${legacyInput}.${createHmac('sha256', legacySecret).update(legacyInput).digest('base64url')}`;

  it('keeps the existing auth-secret as kid "default", so tokens it signed keep working', async () => {
    await restart();
    const issued = await issue();
    expect(kidOf(issued)).toBe('default');
    for (const token of [issued, legacy]) expect((await me(token)).statusCode).toBe(200);
  });

  it('after `rotate`, signs with the new kid and still accepts tokens of the old key, until it is retired', async () => {
    const before = await issue();
    await tokenCli(dataDir, 'rotate');
    await restart();
    const after = await issue();
    expect(kidOf(after)).toMatch(/^k\d{8}-[0-9a-f]{6}$/);
    expect(await tokenCli(dataDir, 'keys')).toContain(`${kidOf(after)}  (signs new tokens)`);
    for (const token of [before, after, legacy]) expect((await me(token)).statusCode).toBe(200);

    await tokenCli(dataDir, 'retire', '--kid', 'default');
    expect(JSON.parse(readFileSync(join(dataDir, 'auth-keys.json'), 'utf8')).keys).toHaveLength(1);
    await restart();
    expect((await me(after)).statusCode).toBe(200);
    for (const token of [before]) {
      const refused = await me(token);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().message).toMatch(/key this server does not know/);
    }
  }, 60_000);

  it('refuses a token without a kid once the default key is retired', async () => {
    expect((await me(legacy)).statusCode).toBe(401);
  });

  it('will not retire the key that signs new tokens', async () => {
    const current = JSON.parse(readFileSync(join(dataDir, 'auth-keys.json'), 'utf8')).current as string;
    await expect(tokenCli(dataDir, 'retire', '--kid', current)).rejects.toThrow(/signs new tokens/);
  });
});
