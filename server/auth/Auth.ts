import type { Principal } from '../../shared/logic/access';
import type { Keyring } from './keyring';
import { principalOf, verifyToken, type TokenError } from './tokens';

export type AuthResult = { ok: true; principal: Principal } | { ok: false; statusCode: 401; error: string; message: string };

const MESSAGES: Record<TokenError | 'revoked' | 'missing', string> = {
  missing: 'a token is required (Authorization: Bearer …)',
  malformed: 'the token is malformed',
  bad_signature: 'the token signature is invalid',
  unknown_key: 'the token was signed with a key this server does not know (retired, or another server\'s)',
  expired: 'the token has expired',
  invalid_claims: 'the token claims are invalid',
  revoked: 'the token has been revoked',
};

/** Verifies tokens, knows the deny list, and says who an anonymous caller is (a masked wall, or nobody). */
export class Auth {
  private readonly revoked = new Set<string>();

  constructor(
    private readonly keyring: Keyring,
    private readonly anonymous: Principal | null,
    private readonly now: () => number,
  ) {}

  async authenticate(token: string | undefined): Promise<AuthResult> {
    if (!token) {
      if (this.anonymous) return { ok: true, principal: this.anonymous };
      return { ok: false, statusCode: 401, error: 'unauthorized', message: MESSAGES.missing };
    }
    const verified = await verifyToken(token, this.keyring, this.now());
    if (!verified.ok) return { ok: false, statusCode: 401, error: 'unauthorized', message: MESSAGES[verified.error] };
    if (this.revoked.has(verified.claims.jti)) return { ok: false, statusCode: 401, error: 'unauthorized', message: MESSAGES.revoked };
    return { ok: true, principal: { ...principalOf(verified.claims), expiresAt: verified.claims.exp * 1000 } };
  }

  revoke(jti: string): void {
    this.revoked.add(jti);
  }

  isRevoked(jti: string | undefined): boolean {
    return jti !== undefined && this.revoked.has(jti);
  }
}

/** `Authorization: Bearer <token>`; nothing else is accepted on HTTP (tokens in URLs end up in logs). */
export const bearerToken = (header: string | string[] | undefined): string | undefined => {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match?.[1];
};
