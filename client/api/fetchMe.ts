import { ROUTES } from '../../shared/contract/http';
import { ROLES, type Role } from '../../shared/logic/access';
import type { Audience } from '../../shared/logic/shapeForAudience';
import { HttpError } from './HttpError';
import { apiErrorOf } from './apiErrorOf';
import { apiFetch } from './apiFetch';

/** `GET /api/v1/me`: who the server takes this tab for, as it verified the token. */
export interface Me {
  role: Role;
  /** The region code the token is confined to. */
  scope: string;
  /** 'full' may see residents' names and phones; 'public' screens get them masked. */
  audience: Audience;
  /** Epoch ms the token stops working; null for the anonymous wall. */
  expiresAt: number | null;
}

const isMe = (body: unknown): body is Me => {
  if (typeof body !== 'object' || body === null) return false;
  const { role, scope, audience, expiresAt } = body as Record<string, unknown>;
  return (
    (ROLES as readonly unknown[]).includes(role) &&
    typeof scope === 'string' &&
    (audience === 'full' || audience === 'public') &&
    (expiresAt === null || typeof expiresAt === 'number')
  );
};

/**
 * Asks the server who this tab is; a refused token rejects with an HttpError (401 when expired or
 * revoked). `baseUrl` is the API's origin, '' for the page's own.
 */
export const fetchMe = async (signal?: AbortSignal, baseUrl = ''): Promise<Me> => {
  const response = await apiFetch(`${baseUrl}${ROUTES.me}`, signal ? { signal } : {});
  if (!response.ok) {
    const error = await apiErrorOf(response);
    throw new HttpError(error.status, error.code, error.message);
  }
  const body: unknown = await response.json();
  if (!isMe(body)) throw new Error(`GET ${ROUTES.me} did not answer {role, scope, audience, expiresAt}`);
  return body;
};
