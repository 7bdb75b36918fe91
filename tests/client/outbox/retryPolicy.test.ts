import { describe, expect, it } from 'vitest';
import { RETRY_MAX_MS, retryAfterMsOf, retryDelayMs, verdictOf } from '../../../client/outbox/retryPolicy';

describe('verdictOf', () => {
  it('takes any 2xx, a replayed first answer included, as done', () => {
    expect([200, 201, 204].map(verdictOf)).toEqual(['done', 'done', 'done']);
  });

  it('retries what the server did not decide: 5xx, 408, 425, 429', () => {
    expect([500, 502, 503, 504, 408, 425, 429].map(verdictOf)).toEqual(Array(7).fill('retry'));
  });

  it('fails visibly on a refusal, which a retry would only repeat', () => {
    expect([400, 401, 403, 404, 409, 422].map(verdictOf)).toEqual(Array(6).fill('failed'));
  });
});

describe('retryDelayMs', () => {
  const middle = () => 0.5;

  it('doubles from one second up to thirty', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, middle))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('jitters by at most a fifth either way, never past the ceiling', () => {
    expect(retryDelayMs(3, () => 0)).toBe(3200);
    expect(retryDelayMs(3, () => 1)).toBe(4800);
    expect(retryDelayMs(10, () => 1)).toBe(RETRY_MAX_MS);
  });

  it('waits at least as long as the server’s Retry-After', () => {
    expect(retryDelayMs(1, middle, 5000)).toBe(5000);
    expect(retryDelayMs(4, middle, 5000)).toBe(8000);
  });
});

describe('retryAfterMsOf', () => {
  it('reads delay-seconds and ignores the rest', () => {
    expect(retryAfterMsOf('3')).toBe(3000);
    expect(retryAfterMsOf(null)).toBeNull();
    expect(retryAfterMsOf('Wed, 21 Oct 2026 07:28:00 GMT')).toBeNull();
    expect(retryAfterMsOf('-1')).toBeNull();
  });
});
