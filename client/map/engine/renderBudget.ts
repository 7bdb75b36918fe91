export interface RenderBudgetOptions {
  /**
   * The share of the screen's time the map may hold the page up for. The rest belongs to the event
   * board, the panels and the clock, which must keep moving however busy the map is.
   */
  share: number;
  /** Drawing time saved up while the map is calm, so a single update after a quiet spell goes at once. */
  burstMs: number;
  /**
   * A map frame that costs more than this cannot animate at a watchable pace inside the share
   * (at 10 fps and a quarter of the time: 25 ms): pulses then hold still instead of stuttering.
   */
  maxAnimatedFrameMs: number;
  /** Weight of the newest frame in the running cost (an exponential moving average). */
  smoothing: number;
}

export const DEFAULT_RENDER_BUDGET: RenderBudgetOptions = { share: 0.2, burstMs: 400, maxAnimatedFrameMs: 25, smoothing: 0.3 };

/**
 * How much map drawing the screen can afford: a token bucket of drawing time, filled at `share` of
 * the clock and drained by what each map frame is measured to cost.
 *
 * On a wall with a real GPU a frame costs next to nothing and nothing is ever held back. On a weak or
 * software renderer a full redraw of a 1080p county can hold the page up for 150–250 ms; without a
 * budget, four live updates a second plus pulses leave the board a handful of frames a second. With
 * it, live updates space themselves out until drawing takes at most the share, and pulses hold still.
 *
 * Pure: the caller passes the clock (performance.now() in the browser), so tests drive it by hand.
 */
export class RenderBudget {
  readonly #options: RenderBudgetOptions;
  #balanceMs: number;
  #balanceAt: number;
  #frameCostMs = 0;
  #frames = 0;
  #spentMs = 0;

  constructor(nowMs: number, options: RenderBudgetOptions = DEFAULT_RENDER_BUDGET) {
    this.#options = options;
    this.#balanceMs = options.burstMs;
    this.#balanceAt = nowMs;
  }

  /** A map frame held the page up for `costMs` beyond an ordinary frame. */
  spend(costMs: number, nowMs: number): void {
    const cost = Math.max(0, costMs);
    this.#refill(nowMs);
    this.#balanceMs -= cost;
    this.#frameCostMs = this.#frames === 0 ? cost : this.#frameCostMs + this.#options.smoothing * (cost - this.#frameCostMs);
    this.#frames += 1;
    this.#spentMs += cost;
  }

  /** How long until the map may draw again without going over its share; 0 when it may now. */
  waitMs(nowMs: number): number {
    this.#refill(nowMs);
    return this.#balanceMs >= 0 ? 0 : -this.#balanceMs / this.#options.share;
  }

  /** Whether frames are cheap enough to animate pulses and ripples. */
  get mayAnimate(): boolean {
    return this.#frameCostMs <= this.#options.maxAnimatedFrameMs;
  }

  /** The running cost of one map frame, ms. */
  get frameCostMs(): number {
    return this.#frameCostMs;
  }

  /** Frames measured and their summed cost since the map opened, for the test hook and the bench. */
  get totals(): { frames: number; spentMs: number } {
    return { frames: this.#frames, spentMs: this.#spentMs };
  }

  #refill(nowMs: number): void {
    const elapsed = Math.max(0, nowMs - this.#balanceAt);
    this.#balanceAt = Math.max(this.#balanceAt, nowMs);
    this.#balanceMs = Math.min(this.#options.burstMs, this.#balanceMs + elapsed * this.#options.share);
  }
}
