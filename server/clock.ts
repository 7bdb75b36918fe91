import { performance } from 'node:perf_hooks';

/**
 * The server's notion of "now". Real time by default; demos and soak tests compress it
 * (speed 60 = an hour a minute), and "reset to morning" moves it. Everything that stamps
 * events or judges deadlines asks this clock, never Date.now() directly.
 */
export interface Clock {
  now(): number;
  speed(): number;
  /** Re-anchor: from this moment the clock reads `at` and runs at `speed`. */
  set(at: number, speed?: number): void;
}

export const createClock = (options: { speed?: number; startAt?: number } = {}): Clock => {
  let anchorAt = options.startAt ?? Date.now();
  let anchorMono = performance.now();
  let rate = options.speed ?? 1;
  const now = () => Math.floor(anchorAt + (performance.now() - anchorMono) * rate);
  return {
    now,
    speed: () => rate,
    set(at, speed = rate) {
      anchorAt = at;
      anchorMono = performance.now();
      rate = speed;
    },
  };
};
