import { signToken } from '../../../server/auth/tokens';
import type { Role } from '../../../shared/logic/access';

/** The secret the e2e servers are started with (AUTH_SECRET), so tests can sign their own tokens. */
export const E2E_AUTH_SECRET = 'jinlin-e2e-wall-secret';
export const COUNTY_CODE = '350121';

/** A token for `role` over the whole county, valid for an hour: for a ready URL (`/?token=…`). */
export const tokenFor = (role: Role, scope = COUNTY_CODE): string =>
  signToken({ role, scope, ttlSeconds: 3600, now: Date.now() }, E2E_AUTH_SECRET).token;

/** A bearer header for `role` over the whole county, valid for an hour. */
export const bearerFor = (role: Role, scope = COUNTY_CODE): Record<string, string> => {
  const { token } = signToken({ role, scope, ttlSeconds: 3600, now: Date.now() }, E2E_AUTH_SECRET);
  return { authorization: `Bearer ${token}` };
};
