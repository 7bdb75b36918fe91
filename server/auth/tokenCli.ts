import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../shared/logic/access';
import { isValidScopeCode } from '../../shared/logic/scope';
import { loadConfig } from '../config';
import { loadAuthSecret } from './authSecret';
import { readyUrl } from './readyUrls';
import { parseTtl, signToken } from './tokens';

/**
 * `npm run token -- --role street --scope 350121001 --ttl 30d` prints a token and a ready URL,
 * signed with the same secret the server uses (AUTH_SECRET, or the one kept in DATA_DIR).
 */
const main = () => {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      scope: { type: 'string', default: '350121' },
      ttl: { type: 'string', default: '30d' },
      subject: { type: 'string' },
      url: { type: 'string' },
    },
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (!isValidScopeCode(values.scope ?? '')) throw new Error('--scope must be a region code (6, 9, 12, 15 or 17 digits)');
  const ttlSeconds = parseTtl(values.ttl ?? '');
  if (ttlSeconds === null) throw new Error('--ttl must look like 30d, 12h, 45m or 90s');
  const config = loadConfig();
  const secret = loadAuthSecret(config.dataDir, config.authSecret || undefined);
  const { token, claims } = signToken({ role, scope: values.scope as string, ttlSeconds, subject: values.subject, now: Date.now() }, secret);
  const base = values.url ?? `http://localhost:${config.port}`;
  console.log(JSON.stringify({ token, url: readyUrl(base, role, token), expiresAt: new Date(claims.exp * 1000).toISOString(), jti: claims.jti }, null, 2));
};

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
