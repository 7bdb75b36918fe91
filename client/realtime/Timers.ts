/** Scheduling, injected so tests drive the watchdog by hand instead of sleeping. */
export interface Timers {
  /** Runs `run` every `ms` until the returned function is called. */
  every(ms: number, run: () => void): () => void;
  /** Runs `run` once after `ms` unless the returned function is called first. */
  after(ms: number, run: () => void): () => void;
}

export const systemTimers: Timers = {
  every(ms, run) {
    const handle = setInterval(run, ms);
    return () => clearInterval(handle);
  },
  after(ms, run) {
    const handle = setTimeout(run, ms);
    return () => clearTimeout(handle);
  },
};
