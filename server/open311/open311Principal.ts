import type { FastifyRequest } from 'fastify';
import { audienceOf, canRead, canWrite, type Principal } from '../../shared/logic/access';
import type { Audience } from '../../shared/logic/shapeForAudience';
import { bearerToken, type Auth } from '../auth/Auth';

export type Resolved = { ok: true; principal: Principal; audience: Audience } | { ok: false; statusCode: 400 | 401 | 403; description: string };

/**
 * Who an Open311 caller is. api_key is one of our tokens (an ingest token for a partner's app),
 * sent in the POST body or as Authorization: Bearer; never in the URL, which access logs keep.
 * Reads without a key are the anonymous wall's when the server has one. An ingest key may read
 * back what it reported, with the public audience: Open311 listings are a public interface.
 */
export const resolveOpen311Caller = async (auth: Auth, request: FastifyRequest, intent: 'read' | 'write', apiKey?: string): Promise<Resolved> => {
  if ((request.query as Record<string, unknown> | undefined)?.api_key !== undefined) {
    return { ok: false, statusCode: 400, description: 'api_key: send it in the POST body or as Authorization: Bearer, not in the URL (URLs are logged)' };
  }
  const token = apiKey || bearerToken(request.headers.authorization);
  // The anonymous wall may read, never post: a post without a key is refused as such.
  if (!token && intent === 'write') return { ok: false, statusCode: 401, description: 'api_key is required to post a request' };
  const result = await auth.authenticate(token);
  if (!result.ok) return { ok: false, statusCode: 401, description: `api_key: ${result.message}` };
  const { principal } = result;
  if (intent === 'write') {
    if (!canWrite(principal)) return { ok: false, statusCode: 403, description: `api_key: a ${principal.role} key may not post requests` };
    return { ok: true, principal, audience: audienceOf(principal) };
  }
  if (principal.role === 'ingest') return { ok: true, principal, audience: 'public' };
  if (!canRead(principal)) return { ok: false, statusCode: 403, description: `api_key: a ${principal.role} key may not read requests` };
  return { ok: true, principal, audience: audienceOf(principal) };
};
