import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAuthSecret } from './authSecret';

/** One HS256 secret and the id (`kid`) tokens signed with it carry in their header. */
export interface SigningKey {
  kid: string;
  secret: string;
}

/** Every key a token may be signed with, and the one new tokens are signed with. */
export interface Keyring {
  current: SigningKey;
  keys: SigningKey[];
}

/** The kid of AUTH_SECRET or DATA_DIR/auth-secret; tokens without a kid (made before keys had ids) use it. */
export const DEFAULT_KID = 'default';

const KEYS_FILE = 'auth-keys.json';
const KID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

export const keysFile = (dataDir: string): string => join(dataDir, KEYS_FILE);

/**
 * DATA_DIR/auth-keys.json, once `npm run token -- rotate` has written it, is the keyring; until then
 * the keyring is the single key AUTH_SECRET (or the generated DATA_DIR/auth-secret) under kid "default".
 */
export const loadKeyring = (dataDir: string, fromEnv: string | undefined): Keyring => {
  const file = keysFile(dataDir);
  if (!existsSync(file)) {
    const only = { kid: DEFAULT_KID, secret: loadAuthSecret(dataDir, fromEnv) };
    return { current: only, keys: [only] };
  }
  return parseKeyring(readFileSync(file, 'utf8'), file);
};

const parseKeyring = (text: string, file: string): Keyring => {
  const data = JSON.parse(text) as { current?: unknown; keys?: unknown };
  const keys = Array.isArray(data.keys) ? (data.keys as Partial<SigningKey>[]) : [];
  const valid = keys.every((k) => typeof k.kid === 'string' && KID_PATTERN.test(k.kid) && typeof k.secret === 'string' && k.secret.length >= 16);
  const current = keys.find((k) => k.kid === data.current);
  if (!valid || !current || new Set(keys.map((k) => k.kid)).size !== keys.length) {
    throw new Error(`${file}: expected {"current": kid, "keys": [{"kid", "secret" (16+ chars)}]} with unique kids and current among them`);
  }
  return { current: current as SigningKey, keys: keys as SigningKey[] };
};

const save = (dataDir: string, keyring: Keyring) => {
  const file = keysFile(dataDir);
  const body = JSON.stringify({ current: keyring.current.kid, keys: keyring.keys }, null, 2);
  // Written aside and renamed, so a server starting meanwhile never reads half a file.
  writeFileSync(`${file}.tmp`, `${body}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
};

/** Adds a fresh key and signs with it from the next start on; every older key still verifies. */
export const rotateKey = (dataDir: string, fromEnv: string | undefined, now: Date): SigningKey => {
  const keyring = loadKeyring(dataDir, fromEnv);
  const kid = `k${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
  const added = { kid, secret: randomBytes(32).toString('hex') };
  save(dataDir, { current: added, keys: [...keyring.keys, added] });
  return added;
};

/** Drops a key once the tokens signed with it have expired (or must stop working now). */
export const retireKey = (dataDir: string, fromEnv: string | undefined, kid: string): void => {
  const keyring = loadKeyring(dataDir, fromEnv);
  if (!keyring.keys.some((k) => k.kid === kid)) throw new Error(`no key with kid "${kid}" (keys: ${keyring.keys.map((k) => k.kid).join(', ')})`);
  if (keyring.current.kid === kid) throw new Error(`"${kid}" signs new tokens: rotate first, then retire it`);
  save(dataDir, { current: keyring.current, keys: keyring.keys.filter((k) => k.kid !== kid) });
};
