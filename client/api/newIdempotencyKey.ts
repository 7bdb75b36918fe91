const KEY_BYTES = 16;

const browserRandomBytes = (count: number): Uint8Array => crypto.getRandomValues(new Uint8Array(count));

/**
 * One key per user action, kept with the action and sent on every retry of it, so the server
 * does it at most once. crypto.randomUUID exists only in secure contexts, and tablets on a county
 * LAN are often served over plain http; getRandomValues works everywhere.
 */
export const newIdempotencyKey = (randomBytes: (count: number) => Uint8Array = browserRandomBytes): string =>
  `tablet-${Array.from(randomBytes(KEY_BYTES), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
