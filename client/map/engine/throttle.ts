export interface Throttled {
  /** Asks for a run: now if the last one is at least `intervalMs` old, else once that interval is over. */
  request(): void;
  cancel(): void;
}

/**
 * Runs `task` at most once per `intervalMs`, however often it is requested: at 100 events a second
 * the map redraws its live sources a few times a second, each time with everything that arrived.
 */
export const throttle = (task: () => void, intervalMs: number): Throttled => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRunMs = -Infinity;
  const run = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastRunMs = performance.now();
    task();
  };
  return {
    request: () => {
      if (timer !== null) return;
      const waitMs = lastRunMs + intervalMs - performance.now();
      if (waitMs <= 0) run();
      else timer = setTimeout(run, waitMs);
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
};
