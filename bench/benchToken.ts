import { signToken } from '../server/auth/tokens';

/** The bench's Jinlin child signs with this secret; the driver posts as a field app (ingest role). */
export const BENCH_AUTH_SECRET = 'jinlin-bench-secret';

export const benchAuthorization = (): Record<string, string> => ({
  authorization: `Bearer ${signToken({ role: 'ingest', scope: '350121', ttlSeconds: 86400, now: Date.now() }, BENCH_AUTH_SECRET).token}`,
});
