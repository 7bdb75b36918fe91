import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { signToken } from '../../../server/auth/tokens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AUTH_SECRET, startTestServer, type TestServer } from '../helpers/testServer';

const key = new TextEncoder().encode(TEST_AUTH_SECRET);
const claims = () => ({ role: 'operator', scope: '350121', jti: `std-${Math.random().toString(36).slice(2)}`, sub: 'vendor-app' });
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWS assembled by hand, so the header's key order and members are exactly what a test says. */
const handMade = (header: object, payload: object, secret = TEST_AUTH_SECRET) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
};
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('tokens made by a standard JWT library', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ listen: false });
  });
  afterAll(() => server?.close());

  const me = (token: string) => server.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

  it('accepts an HS256 token from jose whose header lists typ before alg', async () => {
    const token = await new SignJWT(claims()).setProtectedHeader({ typ: 'JWT', alg: 'HS256' }).setIssuedAt().setExpirationTime('1h').sign(key);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'HS256' });
    const response = await me(token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ role: 'operator', scope: '350121' });
  });

  it('accepts a hand-made token with typ first, and one with no typ at all', async () => {
    expect((await me(handMade({ typ: 'JWT', alg: 'HS256' }, { ...claims(), exp: inAnHour() }))).statusCode).toBe(200);
    expect((await me(handMade({ alg: 'HS256' }, { ...claims(), exp: inAnHour() }))).statusCode).toBe(200);
  });

  it('signs tokens that jose verifies, with the kid in the header', async () => {
    const { token, claims: signed } = signToken({ role: 'street', scope: '350121001', ttlSeconds: 600, now: Date.now() }, TEST_AUTH_SECRET);
    const verified = await jwtVerify(token, key, { algorithms: ['HS256'] });
    expect(verified.protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'default' });
    expect(verified.payload).toEqual(signed);
  });

  it('refuses the same tokens with another secret, alg none, another algorithm, or past their exp', async () => {
    const refused = [
      handMade({ typ: 'JWT', alg: 'HS256' }, { ...claims(), exp: inAnHour() }, 'not-the-secret'),
      `${b64({ alg: 'none' })}.${b64({ ...claims(), exp: inAnHour() })}.`,
      await new SignJWT(claims()).setProtectedHeader({ alg: 'HS512' }).setExpirationTime('1h').sign(new Uint8Array(64).fill(7)),
      handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims(), exp: Math.floor(Date.now() / 1000) - 1 }),
      handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims(), role: 'root', exp: inAnHour() }),
    ];
    for (const token of refused) {
      const response = await me(token);
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toBe('unauthorized');
    }
  });
});
