/** requestAnimationFrame and its cancel, injectable so the batching can be tested without a browser. */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export const browserFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface FrameBatcher {
  /** Something changed: flush on the next frame (once, however many requests came in). */
  request(): void;
  stop(): void;
}

/**
 * Coalesces change notifications into at most one flush per animation frame. A flush may return
 * a promise (its insertion animation): until it settles, requests only accumulate, so at a
 * hundred events a second the board moves in whole, finished steps instead of restarting its
 * animation every frame.
 */
export const createFrameBatcher = (flush: () => Promise<void> | void, frames: FrameScheduler = browserFrames): FrameBatcher => {
  let frame: number | null = null;
  let pending = false;
  let busy = false;
  let stopped = false;

  const schedule = (): void => {
    if (frame === null && !busy && !stopped) frame = frames.request(run);
  };

  const settle = (): void => {
    busy = false;
    if (pending) schedule();
  };

  function run(): void {
    frame = null;
    if (!pending || stopped) return;
    pending = false;
    const done = flush();
    if (done) {
      busy = true;
      done.then(settle, settle);
    }
  }

  return {
    request: () => {
      pending = true;
      schedule();
    },
    stop: () => {
      stopped = true;
      if (frame !== null) frames.cancel(frame);
      frame = null;
    },
  };
};
