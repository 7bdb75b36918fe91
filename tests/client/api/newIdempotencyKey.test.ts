import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from '../../../client/api/newIdempotencyKey';

describe('newIdempotencyKey', () => {
  it('makes a key the API accepts (1–128 visible ASCII characters) from 128 random bits', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^tablet-[0-9a-f]{32}$/);
    expect(key).toMatch(/^[\x21-\x7e]{1,128}$/);
  });

  it('never repeats in practice', () => {
    expect(new Set(Array.from({ length: 1000 }, () => newIdempotencyKey())).size).toBe(1000);
  });

  it('spells out the bytes it is given', () => {
    expect(newIdempotencyKey((n) => new Uint8Array(n).fill(10))).toBe(`tablet-${'0a'.repeat(16)}`);
  });
});
