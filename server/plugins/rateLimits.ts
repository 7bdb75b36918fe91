import rateLimit from '@fastify/rate-limit';
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../errors';
import type { Limits } from './limitsConfig';

const MINUTE_MS = 60_000;
/** Token issuing is the admin "login"; every other login attempt is a request whose token fails. */
const ISSUE_TOKEN = '/api/v1/admin/tokens';

const isWrite = (request: FastifyRequest) => request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '';

/** The limiter key of a bearer token: a digest, so the limiter's memory never holds a usable token. */
const tokenKey = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || header === '') return undefined;
  return createHash('sha256').update(header).digest('base64url').slice(0, 22);
};

const refuse = (reply: FastifyReply, retryAfterSeconds: number, what: string) =>
  reply
    .code(429)
    .header('retry-after', String(Math.max(1, retryAfterSeconds)))
    .send(errorBody(429, 'rate_limited', `too many ${what}; retry after ${Math.max(1, retryAfterSeconds)} s`));

/**
 * Per-minute limits on writes (per token and per client address) and on logins (token issuing,
 * and failed authentications, per address), with @fastify/rate-limit's counters. Runs before
 * authentication, so guessing tokens is throttled too. A limit of 0 is off.
 */
export const installRateLimits = async (app: FastifyInstance, limits: Limits): Promise<void> => {
  await app.register(rateLimit, { global: false });
  // One store for all three: the keys carry what they count.
  const limiter = (max: number, keyGenerator: (request: FastifyRequest) => string) => app.createRateLimit({ max, timeWindow: MINUTE_MS, keyGenerator });
  const writesPerToken = limiter(limits.writesPerMinutePerToken, (request) => `write-token:${tokenKey(request) ?? ''}`);
  const writesPerAddress = limiter(limits.writesPerMinutePerAddress, (request) => `write-address:${request.ip}`);
  const loginsPerAddress = limiter(limits.loginsPerMinutePerAddress, (request) => `login-address:${request.ip}`);

  app.addHook('onRequest', async (request, reply) => {
    if (limits.loginsPerMinutePerAddress > 0) {
      const issuing = request.method === 'POST' && pathOf(request) === ISSUE_TOKEN;
      const logins = await loginsPerAddress(request, { increment: issuing });
      // Issuing counts itself; a request that brings a token is held back once its address has failed too often.
      const blocked = !logins.isAllowed && (logins.isExceeded || (!issuing && logins.remaining === 0 && tokenKey(request) !== undefined));
      if (blocked) return refuse(reply, logins.ttlInSeconds, 'login attempts from this address');
    }
    if (!isWrite(request)) return;
    if (tokenKey(request) && limits.writesPerMinutePerToken > 0) {
      const perToken = await writesPerToken(request);
      if (!perToken.isAllowed && perToken.isExceeded) return refuse(reply, perToken.ttlInSeconds, 'writes with this token');
    }
    if (limits.writesPerMinutePerAddress > 0) {
      const perAddress = await writesPerAddress(request);
      if (!perAddress.isAllowed && perAddress.isExceeded) return refuse(reply, perAddress.ttlInSeconds, 'writes from this address');
    }
  });

  // A token that fails authentication counts as a login attempt of its address (no token is no guess).
  app.addHook('onResponse', async (request, reply) => {
    if (limits.loginsPerMinutePerAddress > 0 && reply.statusCode === 401 && tokenKey(request) !== undefined) await loginsPerAddress(request);
  });
};
