import { createHash } from 'node:crypto';
import type { Command } from './Command';

/** Canonical JSON (sorted keys) so the same body in another key order is still "the same request". */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** Identifies a command for Idempotency-Key checks: same key + same fingerprint = a retry. */
export const fingerprint = (command: Command): string => createHash('sha256').update(canonical(command)).digest('base64url');
