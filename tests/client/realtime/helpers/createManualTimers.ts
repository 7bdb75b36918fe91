import { systemTimers, type Timers } from '../../../../client/realtime/Timers';

/**
 * Timers whose repeating jobs (the freshness watchdog, pruning) run only when the test calls
 * tick(); one-shot retries keep real time, since they only wait for a server to answer again.
 */
export const createManualTimers = () => {
  const jobs = new Set<() => void>();
  const timers: Timers = {
    every(_ms, run) {
      jobs.add(run);
      return () => jobs.delete(run);
    },
    after: systemTimers.after,
  };
  return {
    timers,
    tick(): void {
      for (const run of [...jobs]) run();
    },
    get jobCount(): number {
      return jobs.size;
    },
  };
};
