import type { Rng } from '../../shared/logic/rng';
import { DAY_MS, hourStart, HOUR_MS } from '../../shared/logic/shanghaiTime';

/** Above this mean a Poisson count is drawn from its normal approximation: exact enough, and O(1). */
const NORMAL_APPROXIMATION_ABOVE = 40;

/** A Poisson-distributed count (Knuth's product method for small means). */
export const poisson = (rng: Rng, mean: number): number => {
  if (!(mean > 0)) return 0;
  if (mean > NORMAL_APPROXIMATION_ABOVE) return Math.max(0, Math.round(rng.normal(mean, Math.sqrt(mean))));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = rng.next();
  while (product > limit) {
    count++;
    product *= rng.next();
  }
  return count;
};

/**
 * Arrival times of a Poisson process in [from, to), sorted. `perDayAt(t)` is the intensity, in
 * arrivals per day, for the local hour containing t: constant within an hour, so the window is cut
 * at hour boundaries and each piece gets a Poisson count spread uniformly over it.
 */
export const simulatorArrivals = (rng: Rng, from: number, to: number, perDayAt: (at: number) => number): number[] => {
  const times: number[] = [];
  for (let start = from; start < to; ) {
    const end = Math.min(to, hourStart(start) + HOUR_MS);
    const count = poisson(rng, (perDayAt(start) * (end - start)) / DAY_MS);
    for (let i = 0; i < count; i++) times.push(Math.floor(rng.float(start, end)));
    start = end;
  }
  return times.sort((a, b) => a - b);
};
