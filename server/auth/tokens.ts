import { createHmac, randomUUID } from 'node:crypto';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { ROLES, type Principal, type Role } from '../../shared/logic/access';
import { isValidScopeCode } from '../../shared/logic/scope';
import { DEFAULT_KID, type Keyring, type SigningKey } from './keyring';

/** A compact JWT (HS256, header `kid`) any standard library can verify. Claims: sub, role, scope, iat, exp, jti. */
export interface TokenClaims {
  sub: string;
  role: Role;
  scope: string;
  iat: number;
  exp: number;
  jti: string;
}

const base64url = (data: string) => Buffer.from(data).toString('base64url');
const asKey = (key: string | SigningKey): SigningKey => (typeof key === 'string' ? { kid: DEFAULT_KID, secret: key } : key);

/**
 * Signing stays synchronous (jose's signers are all async, and the ready URLs, the CLI and every
 * test helper sign inline); it is one HMAC over the standard JWS input, checked against jose in the tests.
 */
export const signToken = (
  options: { role: Role; scope: string; ttlSeconds: number; subject?: string; now: number },
  key: string | SigningKey,
): { token: string; claims: TokenClaims } => {
  const { kid, secret } = asKey(key);
  const iat = Math.floor(options.now / 1000);
  const claims: TokenClaims = {
    sub: options.subject ?? options.role,
    role: options.role,
    scope: options.scope,
    iat,
    exp: iat + options.ttlSeconds,
    jti: randomUUID(),
  };
  const input = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid }))}.${base64url(JSON.stringify(claims))}`;
  return { token: `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`, claims };
};

export type TokenError = 'malformed' | 'bad_signature' | 'unknown_key' | 'expired' | 'invalid_claims';
export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; error: TokenError };

const encoder = new TextEncoder();
const keyBytes = new WeakMap<SigningKey, Uint8Array>();
const bytesOf = (key: SigningKey) => {
  let bytes = keyBytes.get(key);
  if (!bytes) keyBytes.set(key, (bytes = encoder.encode(key.secret)));
  return bytes;
};

class UnknownKid extends Error {}

/** Verified by jose: any header member order, `kid` chosen from the keyring, HS256 only, `exp` enforced. */
export const verifyToken = async (token: string, keyring: Keyring | string, now: number): Promise<VerifyResult> => {
  const ring = typeof keyring === 'string' ? { current: asKey(keyring), keys: [asKey(keyring)] } : keyring;
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(
      token,
      (header) => {
        const key = ring.keys.find((k) => k.kid === (header.kid ?? DEFAULT_KID));
        if (!key) throw new UnknownKid();
        return bytesOf(key);
      },
      { algorithms: ['HS256'], currentDate: new Date(now), requiredClaims: ['exp'] },
    ));
  } catch (error) {
    return { ok: false, error: tokenError(error) };
  }
  return claimsOf(payload);
};

const tokenError = (error: unknown): TokenError => {
  if (error instanceof UnknownKid) return 'unknown_key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return 'invalid_claims';
  return 'malformed';
};

const claimsOf = (payload: JWTPayload): VerifyResult => {
  const { role, scope, jti, sub, exp, iat } = payload as Partial<TokenClaims>;
  if (!ROLES.includes(role as Role) || typeof scope !== 'string' || !isValidScopeCode(scope) || typeof jti !== 'string' || typeof exp !== 'number') {
    return { ok: false, error: 'invalid_claims' };
  }
  const claims: TokenClaims = { role: role as Role, scope, jti, exp, sub: typeof sub === 'string' ? sub : (role as Role), iat: typeof iat === 'number' ? iat : exp };
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
