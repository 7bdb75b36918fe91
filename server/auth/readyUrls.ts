import type { Role } from '../../shared/logic/access';
import type { SigningKey } from './keyring';
import { signToken } from './tokens';

/** The page a role opens: tablets for street leaders, the presenter remote, the wall for the rest. */
export const readyUrl = (base: string, role: Role, token: string): string => {
  const screen = role === 'street' ? '&screen=tablet' : role === 'presenter' ? '&screen=presenter' : '';
  return `${base}/?token=${token}${screen}`;
};

/** What `npm start` prints in demo mode: a wall, a county operator, one street leader, the presenter's remote, a field app. */
export const demoReadyUrls = (base: string, secret: string | SigningKey, countyCode: string, streetCode: string, now: number): string[] => {
  const make = (role: Role, scope: string, ttlSeconds: number) => signToken({ role, scope, ttlSeconds, subject: `demo-${role}`, now }, secret).token;
  const day = 86400;
  const ingest = make('ingest', countyCode, 30 * day);
  return [
    `  Wall (display, masked):   ${readyUrl(base, 'display', make('display', countyCode, 30 * day))}`,
    `  County operator:          ${readyUrl(base, 'operator', make('operator', countyCode, day))}`,
    `  Street leader (${streetCode}): ${readyUrl(base, 'street', make('street', streetCode, day))}`,
    `  Presenter remote:         ${readyUrl(base, 'presenter', make('presenter', countyCode, day))}`,
    `  Field app ingest token:   ${ingest}`,
    `    e.g. curl -H 'authorization: Bearer ${ingest.slice(0, 16)}…' -X POST ${base}/api/v1/incidents …`,
  ];
};
