import { describe, expect, it } from 'vitest';
import { estimateServerNow } from '../../../client/time/estimateServerNow';

describe('estimateServerNow', () => {
  it('is the wall clock until a heartbeat has told the server time', () => {
    expect(estimateServerNow(null, 0, 1_000)).toBe(1_000);
  });

  it('advances the last heartbeat time by the wall time since it arrived', () => {
    expect(estimateServerNow(5_000_000, 100_000, 103_000)).toBe(5_003_000);
  });

  it('advances at the server clock’s speed: three wall seconds at 60× are three server minutes', () => {
    expect(estimateServerNow(5_000_000, 100_000, 103_000, 60)).toBe(5_180_000);
  });

  it('never goes back before the heartbeat when the wall clock steps back', () => {
    expect(estimateServerNow(5_000_000, 100_000, 90_000)).toBe(5_000_000);
  });
});
