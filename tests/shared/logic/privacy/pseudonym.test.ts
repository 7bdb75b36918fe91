import { createHmac, createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configurePseudonymKey, findByPublicId, pseudonymIfPersonal, pseudonymOf } from '../../../../shared/logic/privacy/pseudonym';
import { hmacSha256, sha256 } from '../../../../shared/logic/privacy/sha256';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('sha256 and hmacSha256', () => {
  it('equal node:crypto on any input, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 100 }), (message, key) => {
        expect(hex(sha256(message))).toBe(createHash('sha256').update(message).digest('hex'));
        expect(hex(hmacSha256(key, message))).toBe(createHmac('sha256', key).update(message).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('pseudonyms for public screens', () => {
  it('are stable per key, differ between keys, and hold no digit', () => {
    configurePseudonymKey('server-one-secret');
    const first = pseudonymOf('13812345678');
    expect(pseudonymOf('13812345678')).toBe(first);
    expect(first).toMatch(/^anon-[a-z]{16}$/);
    configurePseudonymKey('server-two-secret');
    expect(pseudonymOf('13812345678')).not.toBe(first);
    configurePseudonymKey('server-one-secret');
    expect(pseudonymOf('13812345678')).toBe(first);
  });

  it('leave a pseudonym as it is, so shaping twice changes nothing', () => {
    const once = pseudonymOf('M-13812345678');
    expect(pseudonymOf(once)).toBe(once);
    expect(pseudonymIfPersonal(once)).toBe(once);
  });

  it('replace ids holding a phone or id number, and only those', () => {
    for (const id of ['13812345678', 'INC-138-1234-5678', 'CK-35012119800315241X', 'M-0591-12345678', 'W-8613812345678']) {
      expect(pseudonymIfPersonal(id)).toMatch(/^anon-/);
    }
    for (const id of ['INC-7f3a2c1e-4b5d-4e6f-8a9b-0c1d2e3f4a5b', 'CK-7f3a2c1e-4b5d-4e6f-8a9b-a13812345678', 'ST-350121001001001-3', 'EV-42', 'CK-wave-lz3k-7']) {
      expect(pseudonymIfPersonal(id)).toBe(id);
    }
  });

  it('find a record by the pseudonym a public screen was given', () => {
    const records = [{ id: 'INC-1' }, { id: 'INC-13812345678' }];
    expect(findByPublicId(records, pseudonymOf('INC-13812345678'))).toBe(records[1]);
    expect(findByPublicId(records, 'INC-1')).toBeUndefined();
  });
});
