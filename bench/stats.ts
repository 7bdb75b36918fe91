/** Latency figures of one run, in milliseconds, rounded for reading. */
export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

/** A growable Float64Array: a case collects up to a few million samples without boxing numbers. */
export class Samples {
  private data = new Float64Array(1024);
  private size = 0;

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  get count(): number {
    return this.size;
  }

  /** Exact percentiles (nearest rank) over a sorted copy. */
  summary(): LatencySummary {
    const sorted = this.data.slice(0, this.size).sort();
    const at = (q: number) => (this.size === 0 ? 0 : (sorted[Math.min(this.size - 1, Math.ceil(q * this.size) - 1)] ?? 0));
    let sum = 0;
    for (const value of sorted) sum += value;
    return {
      count: this.size,
      meanMs: round(this.size === 0 ? 0 : sum / this.size),
      p50Ms: round(at(0.5)),
      p99Ms: round(at(0.99)),
      p999Ms: round(at(0.999)),
      maxMs: round(at(1)),
    };
  }
}

/** Three significant decimals is finer than anything this machine measures reliably. */
export const round = (value: number, digits = 3): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** a / b, or null when b is 0 (a missing baseline must not read as an infinite ratio). */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : round(a / b));
