import { signToken } from '../server/auth/tokens';

/** The bench's Jinlin child signs with this secret; the driver posts as a field app (ingest role). */
export const BENCH_AUTH_SECRET = 'jinlin-bench-secret';

/** Environment of a benchmarked server: the write rate limits off, so the bench measures the server. */
export const UNLIMITED_WRITES = { RATE_LIMIT_WRITES_PER_TOKEN: '0', RATE_LIMIT_WRITES_PER_ADDRESS: '0' } as const;

export const benchAuthorization = (): Record<string, string> => ({
  authorization: `Bearer ${signToken({ role: 'ingest', scope: '350121', ttlSeconds: 86400, now: Date.now() }, BENCH_AUTH_SECRET).token}`,
});
