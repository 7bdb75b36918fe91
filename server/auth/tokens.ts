import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { ROLES, type Principal, type Role } from '../../shared/logic/access';
import { isValidScopeCode } from '../../shared/logic/scope';

/** A compact JWT (HS256) any standard library can verify. Claims: sub, role, scope, iat, exp, jti. */
export interface TokenClaims {
  sub: string;
  role: Role;
  scope: string;
  iat: number;
  exp: number;
  jti: string;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const sign = (input: string, secret: string) => createHmac('sha256', secret).update(input).digest('base64url');

export const signToken = (
  options: { role: Role; scope: string; ttlSeconds: number; subject?: string; now: number },
  secret: string,
): { token: string; claims: TokenClaims } => {
  const iat = Math.floor(options.now / 1000);
  const claims: TokenClaims = {
    sub: options.subject ?? options.role,
    role: options.role,
    scope: options.scope,
    iat,
    exp: iat + options.ttlSeconds,
    jti: randomUUID(),
  };
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return { token: `${body}.${sign(body, secret)}`, claims };
};

export type TokenError = 'malformed' | 'bad_signature' | 'expired' | 'invalid_claims';

export const verifyToken = (token: string, secret: string, now: number): { ok: true; claims: TokenClaims } | { ok: false; error: TokenError } => {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, error: 'malformed' };
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret));
  const actual = Buffer.from(parts[2] ?? '');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, error: 'bad_signature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, error: 'malformed' };
  }
  if (!ROLES.includes(claims.role) || !isValidScopeCode(claims.scope) || typeof claims.jti !== 'string') {
    return { ok: false, error: 'invalid_claims' };
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return { ok: false, error: 'expired' };
  return { ok: true, claims };
};

export const principalOf = (claims: TokenClaims): Principal => ({ role: claims.role, scope: claims.scope, jti: claims.jti, subject: claims.sub });

/** "30d", "12h", "45m", "90s" → seconds. */
export const parseTtl = (text: string): number | null => {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match) return null;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
};
