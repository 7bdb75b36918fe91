const MINUTE_MS = 60_000;

/**
 * How many view:subscribe one socket may still send this minute (a fixed window). A screen
 * subscribes once per connect and per drill; a loop of subscribes, each a replay from the
 * store, would be a cheap way to make the server work. 0 = unlimited.
 */
export class SubscribeBudget {
  private windowStartMs = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(
    private readonly perMinute: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Takes one subscribe; false when the minute's budget is spent. */
  take(): boolean {
    if (this.perMinute === 0) return true;
    const now = this.nowMs();
    if (now - this.windowStartMs >= MINUTE_MS) {
      this.windowStartMs = now;
      this.used = 0;
    }
    if (this.used >= this.perMinute) return false;
    this.used++;
    return true;
  }

  /** Whole seconds until the window opens again. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.windowStartMs + MINUTE_MS - this.nowMs()) / 1000));
  }
}
