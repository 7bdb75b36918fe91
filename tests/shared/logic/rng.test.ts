import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../../../shared/logic/rng';

const draws = (seed: number, n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng (the seeded generator behind the sample county and the simulator)', () => {
  it('replays the same sequence for the same seed and a different one for another seed', () => {
    expect(draws(7, 100)).toEqual(draws(7, 100));
    expect(draws(7, 100)).not.toEqual(draws(8, 100));
  });

  it('draws floats in [0, 1) that fill the interval evenly', () => {
    const values = draws(1, 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('draws integers within both inclusive ends, reaching each end', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 20 }), fc.integer(), (min, span, seed) => {
        const rng = createRng(seed);
        const seen = new Set<number>();
        for (let i = 0; i < 400; i++) {
          const value = rng.int(min, min + span);
          expect(Number.isInteger(value) && value >= min && value <= min + span).toBe(true);
          seen.add(value);
        }
        expect(seen.has(min) && seen.has(min + span)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('picks by weight, never picking a zero weight', () => {
    const rng = createRng(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weightedPick(['a', 'b', 'c'] as const, [1, 3, 0])] += 1;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.6);
    expect(counts.b / counts.a).toBeLessThan(3.4);
  });

  it('draws normals with the requested mean and spread, and clamps when asked', () => {
    const rng = createRng(4);
    const values = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
    for (let i = 0; i < 1000; i++) {
      const value = rng.normalClamped(10, 5, 8, 12);
      expect(value >= 8 && value <= 12).toBe(true);
    }
  });

  it('shuffles into a permutation without touching the input', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = createRng(5).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
  });

  it('forks streams that depend on the seed and label only, not on draws already made', () => {
    const fresh = createRng(9);
    const used = createRng(9);
    for (let i = 0; i < 50; i++) used.next();
    expect(fresh.fork('streets').next()).toBe(used.fork('streets').next());
    expect(fresh.fork('streets').next()).not.toBe(fresh.fork('grids').next());
    expect(fresh.fork('streets').seed).toBe(deriveSeed(9, 'streets'));
  });

  it('refuses impossible requests instead of returning garbage', () => {
    const rng = createRng(1);
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
    expect(() => rng.weightedPick(['a'], [0])).toThrow(RangeError);
    expect(() => rng.weightedPick(['a', 'b'], [1])).toThrow(RangeError);
  });
});
