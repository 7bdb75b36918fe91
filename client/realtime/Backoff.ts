import type { Timers } from './Timers';

/** Retries after failures, waiting twice as long each time up to a ceiling, so a dead API is not hammered. */
export class Backoff {
  private failures = 0;
  private cancel: () => void = () => undefined;

  constructor(
    private readonly timers: Timers,
    private readonly baseMs: number,
    private readonly maxMs: number,
  ) {}

  /** Counts a failure and runs `retry` after the current delay (replacing any pending retry). */
  schedule(retry: () => void): void {
    this.failures++;
    this.cancel();
    this.cancel = this.timers.after(Math.min(this.maxMs, this.baseMs * 2 ** (this.failures - 1)), retry);
  }

  /** Drops a pending retry (it is being done now, or no longer wanted). */
  cancelPending(): void {
    this.cancel();
  }

  /** A success: the next failure waits the base delay again. */
  reset(): void {
    this.failures = 0;
  }
}
