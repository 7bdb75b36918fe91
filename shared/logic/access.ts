import { isInScope } from './scope';
import type { Audience } from './shapeForAudience';

/** Who a token speaks for. Scope is a region code; the role says what may be done inside it. */
export const ROLES = ['admin', 'ingest', 'operator', 'street', 'display', 'presenter'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  role: Role;
  /** Region code the principal is confined to (the county for county-wide roles). */
  scope: string;
  /** Token id, for revocation; absent for the anonymous wall. */
  jti?: string;
  subject?: string;
  /** Epoch ms after which the token is no longer valid (live sockets are cut then). */
  expiresAt?: number;
}

const READERS: ReadonlySet<Role> = new Set(['admin', 'operator', 'street', 'display', 'presenter']);
const WRITERS: ReadonlySet<Role> = new Set(['admin', 'ingest', 'operator', 'street']);

/** Public screens (walls, demos) get masked personal data; authorised officials see it in full. */
export const audienceOf = (principal: Principal): Audience =>
  principal.role === 'display' || principal.role === 'presenter' ? 'public' : 'full';

export const canRead = (principal: Principal): boolean => READERS.has(principal.role);
export const canWrite = (principal: Principal): boolean => WRITERS.has(principal.role);

/** A region (by code) the principal may look at: its own scope or anything inside it. */
export const mayView = (principal: Principal, code: string): boolean => code.startsWith(principal.scope);

/** A record (by region path) inside the principal's scope. */
export const covers = (principal: Principal, regionPath: readonly string[]): boolean => isInScope(regionPath, principal.scope);

/** Presenter controls (tour, scenarios) are for presenters and admins. */
export const canPresent = (principal: Principal): boolean => principal.role === 'presenter' || principal.role === 'admin';
