export interface AnimationLoop {
  /** Starts the loop if it sleeps; cheap to call on every data update. */
  wake(): void;
  stop(): void;
  /** The current interval between animation frames (it adapts to how fast the screen draws). */
  readonly frameIntervalMs: number;
}

export interface FramePacing {
  /** The fastest pace: 30 fps is smooth for a pulse and half the GPU work of 60 on a full-wall redraw. */
  minIntervalMs: number;
  /** The slowest pace a struggling renderer is backed off to (a software renderer, an 8K wall on a weak GPU). */
  maxIntervalMs: number;
}

/**
 * The next frame interval after frames arrived `observedGapMs` apart. When the browser delivers frames
 * at less than half the asked-for pace, the GPU is saturated and the animation itself is the load:
 * back off (double). When frames come on time, creep back towards the fastest pace.
 */
export const nextFrameInterval = (currentMs: number, observedGapMs: number, pacing: FramePacing): number => {
  if (observedGapMs > 2 * currentMs) return Math.min(pacing.maxIntervalMs, currentMs * 2);
  if (observedGapMs < 1.25 * currentMs) return Math.max(pacing.minIntervalMs, currentMs * 0.9);
  return currentMs;
};

/**
 * The one requestAnimationFrame loop of the map. `step` draws a frame and says whether anything is
 * still moving; when nothing is, the loop sleeps until woken, so a calm wall costs no GPU time.
 */
export const createAnimationLoop = (step: (timestampMs: number) => boolean, pacing: FramePacing): AnimationLoop => {
  let handle: number | null = null;
  let intervalMs = pacing.minIntervalMs;
  let lastStepMs: number | null = null;
  const frame = (timestampMs: number) => {
    handle = null;
    if (lastStepMs !== null && timestampMs - lastStepMs < intervalMs - 1) {
      handle = requestAnimationFrame(frame);
      return;
    }
    if (lastStepMs !== null) intervalMs = nextFrameInterval(intervalMs, timestampMs - lastStepMs, pacing);
    lastStepMs = timestampMs;
    if (step(timestampMs)) handle = requestAnimationFrame(frame);
    // A loop that went to sleep starts its pacing afresh: the gap since would say nothing about the GPU.
    else lastStepMs = null;
  };
  return {
    wake: () => {
      if (handle === null) handle = requestAnimationFrame(frame);
    },
    stop: () => {
      if (handle !== null) cancelAnimationFrame(handle);
      handle = null;
      lastStepMs = null;
    },
    get frameIntervalMs() {
      return intervalMs;
    },
  };
};
