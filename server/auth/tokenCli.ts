import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../shared/logic/access';
import { isValidScopeCode } from '../../shared/logic/scope';
import { loadConfig } from '../config';
import { keysFile, loadKeyring, retireKey, rotateKey } from './keyring';
import { readyUrl } from './readyUrls';
import { parseTtl, signToken } from './tokens';

/**
 * `npm run token -- --role street --scope 350121001 --ttl 30d` prints a token and a ready URL,
 * signed with the key the server signs with (AUTH_SECRET, DATA_DIR/auth-secret, or DATA_DIR/auth-keys.json).
 * `npm run token -- rotate` adds a signing key, `-- retire --kid K` drops one, `-- keys` lists the kids.
 */
const main = () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      scope: { type: 'string', default: '350121' },
      ttl: { type: 'string', default: '30d' },
      subject: { type: 'string' },
      url: { type: 'string' },
      kid: { type: 'string' },
    },
  });
  const config = loadConfig();
  const fromEnv = config.authSecret || undefined;
  const command = positionals[0] ?? 'issue';
  if (command === 'rotate') {
    const added = rotateKey(config.dataDir, fromEnv, new Date());
    console.log(`new tokens are signed with kid "${added.kid}" once the server restarts; older keys still verify (${keysFile(config.dataDir)})`);
    return;
  }
  if (command === 'retire') {
    if (!values.kid) throw new Error('retire needs --kid <kid> (see `npm run token -- keys`)');
    retireKey(config.dataDir, fromEnv, values.kid);
    console.log(`tokens signed with kid "${values.kid}" are refused once the server restarts`);
    return;
  }
  const keyring = loadKeyring(config.dataDir, fromEnv);
  if (command === 'keys') {
    for (const key of keyring.keys) console.log(`${key.kid}${key.kid === keyring.current.kid ? '  (signs new tokens)' : ''}`);
    return;
  }
  if (command !== 'issue') throw new Error(`unknown command "${command}": use issue (default), rotate, retire --kid K, or keys`);
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (!isValidScopeCode(values.scope ?? '')) throw new Error('--scope must be a region code (6, 9, 12, 15 or 17 digits)');
  const ttlSeconds = parseTtl(values.ttl ?? '');
  if (ttlSeconds === null) throw new Error('--ttl must look like 30d, 12h, 45m or 90s');
  const { token, claims } = signToken({ role, scope: values.scope as string, ttlSeconds, subject: values.subject, now: Date.now() }, keyring.current);
  const base = values.url ?? `http://localhost:${config.port}`;
  const expiresAt = new Date(claims.exp * 1000).toISOString();
  console.log(JSON.stringify({ token, url: readyUrl(base, role, token), expiresAt, jti: claims.jti, kid: keyring.current.kid }, null, 2));
};

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
