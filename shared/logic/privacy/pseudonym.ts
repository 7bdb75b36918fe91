import { hmacSha256 } from './sha256';
import { findPersonalNumbers } from './scrubPublicText';

/**
 * Pseudonyms for ids a client chooses (a member id, an incident id from a field app) on public
 * screens. HMAC-SHA-256 under a server key: the same id always gets the same pseudonym on one
 * server (screens still correlate a check-in with its check-out), nobody without the key can
 * reverse it or confirm a guess (a phone number has only ~10^9 candidates: a plain hash would not do).
 */

const PREFIX = 'anon-';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const LENGTH = 16;
/** Pseudonyms are letters only: no digit in them can ever look like a phone or an id number. */
const PSEUDONYM = new RegExp(`^${PREFIX}[a-z]{${LENGTH}}$`);
const CACHE_LIMIT = 50_000;

/** UTF-8 bytes of `text` (shared/ has neither TextEncoder's DOM types nor Node's Buffer). */
const utf8 = (text: string): Uint8Array => {
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(bytes);
};

/** Web Crypto's random source, present in browsers and in Node 20 alike. */
const webCrypto = (globalThis as { crypto?: { getRandomValues(array: Uint8Array): Uint8Array } }).crypto;
if (!webCrypto) throw new Error('pseudonyms need globalThis.crypto.getRandomValues');
let key: Uint8Array = webCrypto.getRandomValues(new Uint8Array(32));
let cache = new Map<string, string>();

/**
 * The server sets its key from its secret at start, so pseudonyms survive a restart. Until then
 * (tests, tools) a random key per process is used, never a fixed one anybody could know.
 */
export const configurePseudonymKey = (secret: string): void => {
  key = hmacSha256(utf8(secret), utf8('jinlin public pseudonym v1'));
  cache = new Map();
};

export const isPseudonym = (id: string): boolean => PSEUDONYM.test(id);

/** The pseudonym of `id`; a pseudonym is returned as it is, so shaping twice changes nothing. */
export const pseudonymOf = (id: string): string => {
  if (isPseudonym(id)) return id;
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const digest = hmacSha256(key, utf8(id));
  let out = PREFIX;
  for (let i = 0; i < LENGTH; i++) out += LETTERS[digest[i]! % LETTERS.length];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(id, out);
  return out;
};

/** A random (v4) UUID, as the server makes ids: its hex may hold any digits and names no one. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/gi;

/**
 * Ids the server generates (`INC-<uuid>`, `ST-<region>-3`) mean nothing outside and stay readable —
 * also for a field app that must name its check-in again to check out; an id holding a phone or an
 * id number in any digit form is pseudonymised.
 */
export const pseudonymIfPersonal = (id: string): string => {
  let personal = personalIds.get(id);
  if (personal === undefined) {
    personal = findPersonalNumbers(id.replace(UUID, '-'));
    if (personalIds.size >= CACHE_LIMIT) personalIds.clear();
    personalIds.set(id, personal);
  }
  return personal ? pseudonymOf(id) : id;
};
const personalIds = new Map<string, boolean>();

/**
 * The record a public screen knows by `publicId` (the pseudonym it was sent). Linear, but only
 * for pseudonyms, which only public screens send, and over memoised pseudonyms.
 */
export const findByPublicId = <T extends { id: string }>(records: Iterable<T>, publicId: string): T | undefined => {
  if (!isPseudonym(publicId)) return undefined;
  for (const record of records) if (pseudonymIfPersonal(record.id) === publicId) return record;
  return undefined;
};
