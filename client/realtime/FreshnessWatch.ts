import { HEARTBEAT_INTERVAL_MS } from '../../shared/contract/socket';

/**
 * How long since the server last proved the view current (a heartbeat, an event, a completed
 * catch-up). Measured on a MONOTONIC clock so an NTP step or a manual clock change on the wall
 * PC can neither raise a false alarm nor hide a real one; the wall clock is read only to tell the
 * banner when the data was last known good.
 */
export class FreshnessWatch {
  private heardAtMs: number;
  private heardAtWall: number;
  private intervalMs = HEARTBEAT_INTERVAL_MS;

  constructor(
    private readonly monotonicNow: () => number,
    private readonly wallNow: () => number,
    private readonly staleAfterBeats: number,
  ) {
    this.heardAtMs = monotonicNow();
    this.heardAtWall = wallNow();
  }

  /** A sign of life; a heartbeat also says how often to expect the next one. */
  heard(intervalMs?: number): void {
    if (intervalMs !== undefined && intervalMs > 0) this.intervalMs = intervalMs;
    this.heardAtMs = this.monotonicNow();
    this.heardAtWall = this.wallNow();
  }

  /** Milliseconds since the last sign of life. */
  ageMs(): number {
    return Math.max(0, this.monotonicNow() - this.heardAtMs);
  }

  /** Wall time of the last sign of life once it is older than the allowed beats, else null. */
  staleSince(): number | null {
    return this.ageMs() > this.staleAfterBeats * this.intervalMs ? this.heardAtWall : null;
  }
}
