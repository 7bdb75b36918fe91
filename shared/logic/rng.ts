/**
 * A seeded pseudo-random number generator (sfc32, seeded through splitmix32).
 * Sample data and simulations must replay byte-identically from a seed, so nothing in shared/
 * touches Math.random: callers create an Rng and pass it in.
 */
export interface Rng {
  /** The seed this stream was created from (forks derive theirs from it). */
  readonly seed: number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  /** Uniform integer in [min, max], both ends inclusive. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, chosen with probability proportional to its (non-negative) weight. */
  weightedPick<T>(items: readonly T[], weights: readonly number[]): T;
  /** Normally distributed (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** A normal draw clamped to [min, max]: figures that must stay plausible. */
  normalClamped(mean: number, sd: number, min: number, max: number): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /**
   * An independent stream named by `label`. It depends only on this stream's seed and the label,
   * not on how many numbers were drawn, so adding draws in one part of a generator never shifts
   * what another part produces.
   */
  fork(label: string | number): Rng;
}

const UINT32 = 0x1_0000_0000;

/** splitmix32: spreads one 32-bit seed into well-mixed state words. */
const splitmix32 = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
};

/** sfc32: small, fast, passes PractRand; 128-bit state, so no short cycles for our volumes. */
const sfc32 = (seed: number): (() => number) => {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / UINT32;
  };
  // The first outputs still carry the seed's structure; discard a few.
  for (let i = 0; i < 12; i++) step();
  return step;
};

/** FNV-1a over the label, folded with the seed: a stable 32-bit seed for a named sub-stream. */
export const deriveSeed = (seed: number, label: string | number): number => {
  let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  const text = String(label);
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return splitmix32(hash)();
};

export const createRng = (seed: number): Rng => {
  const next = sfc32(seed);
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new RangeError(`bad int range ${min}..${max}`);
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  const normal = (mean: number, sd: number): number => {
    // 1 - next() is in (0, 1], so the logarithm is finite.
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    seed,
    next,
    float: (min, max) => min + next() * (max - min),
    int,
    chance: (probability) => next() < probability,
    pick,
    weightedPick: (items, weights) => weightedPickWith(next, items, weights),
    normal,
    normalClamped: (mean, sd, min, max) => Math.min(max, Math.max(min, normal(mean, sd))),
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    fork: (label) => createRng(deriveSeed(seed, label)),
  };
};

const weightedPickWith = <T>(next: () => number, items: readonly T[], weights: readonly number[]): T => {
  if (items.length === 0 || items.length !== weights.length) throw new RangeError('weightedPick needs one weight per item');
  const total = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
  if (!(total > 0)) throw new RangeError('weightedPick needs a positive total weight');
  let remaining = next() * total;
  for (let i = 0; i < items.length; i++) {
    remaining -= Math.max(0, weights[i] as number);
    if (remaining < 0) return items[i] as T;
  }
  // Floating-point rounding can leave a sliver past the last item: it belongs to the last positive weight.
  for (let i = items.length - 1; i >= 0; i--) if ((weights[i] as number) > 0) return items[i] as T;
  return items[items.length - 1] as T;
};
