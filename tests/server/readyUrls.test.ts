import { beforeAll, describe, expect, it } from 'vitest';
import { demoReadyUrls } from '../../server/auth/readyUrls';
import { verifyToken } from '../../server/auth/tokens';

const SECRET = 'ready-url-test-secret-of-enough-length';
const NOW = Date.UTC(2026, 10, 21, 1, 0, 0);

/** The URL on a printed line and the token it carries, if it is a ready URL. */
const urlOf = async (line: string) => {
  const match = /(https?:\/\/\S+)/.exec(line);
  if (!match?.[1]) return null;
  const url = new URL(match[1]);
  const token = url.searchParams.get('token');
  return token ? { url, claims: await verifyToken(token, SECRET, NOW) } : null;
};

describe('the ready URLs npm start prints', () => {
  const lines = demoReadyUrls('http://127.0.0.1:3000', SECRET, '350121', '350121001', NOW);
  let opened: { line: string; opened: Awaited<ReturnType<typeof urlOf>> }[] = [];
  beforeAll(async () => {
    opened = (await Promise.all(lines.map(async (line) => ({ line, opened: await urlOf(line) })))).filter((entry) => entry.opened !== null);
  });

  it('open the wall, the operator, a street leader’s tablet and the presenter’s remote, each with a valid token', () => {
    const screens = opened.map(({ opened: o }) => [o!.claims.ok && o!.claims.claims.role, o!.url.searchParams.get('screen')]);
    expect(screens).toEqual([
      ['display', null],
      ['operator', null],
      ['street', 'tablet'],
      ['presenter', 'presenter'],
    ]);
  });

  it('scope the street leader to the street and everyone else to the county', () => {
    const scopes = opened.map(({ opened: o }) => (o!.claims.ok ? o!.claims.claims.scope : null));
    expect(scopes).toEqual(['350121', '350121', '350121001', '350121']);
  });
});
