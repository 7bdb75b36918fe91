import { describe, expect, it } from 'vitest';
import { createFrameBatcher, type FrameScheduler } from '../../../client/eventBoard/createFrameBatcher';

/** Frames that run only when the test says so. */
const manualFrames = () => {
  const queue = new Map<number, () => void>();
  let next = 1;
  const scheduler: FrameScheduler = {
    request: (callback) => {
      queue.set(next, callback);
      return next++;
    },
    cancel: (handle) => queue.delete(handle),
  };
  const runFrame = () => {
    const callbacks = [...queue.values()];
    queue.clear();
    for (const callback of callbacks) callback();
  };
  return { scheduler, runFrame, pending: () => queue.size };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createFrameBatcher', () => {
  it('flushes once per frame however many changes came in', () => {
    const frames = manualFrames();
    let flushes = 0;
    const batcher = createFrameBatcher(() => void flushes++, frames.scheduler);
    for (let i = 0; i < 100; i++) batcher.request();
    expect(frames.pending()).toBe(1);
    frames.runFrame();
    expect(flushes).toBe(1);
    frames.runFrame();
    expect(flushes).toBe(1);
  });

  it('holds further flushes while an insertion animation runs, then flushes what accumulated once', async () => {
    const frames = manualFrames();
    let finish: () => void = () => undefined;
    let flushes = 0;
    const batcher = createFrameBatcher(() => {
      flushes++;
      return new Promise<void>((resolve) => (finish = resolve));
    }, frames.scheduler);
    batcher.request();
    frames.runFrame();
    batcher.request();
    batcher.request();
    expect(frames.pending()).toBe(0);
    finish();
    await settle();
    expect(frames.pending()).toBe(1);
    frames.runFrame();
    expect(flushes).toBe(2);
  });

  it('carries on after an animation that was cancelled', async () => {
    const frames = manualFrames();
    let flushes = 0;
    const batcher = createFrameBatcher(() => {
      flushes++;
      return flushes === 1 ? Promise.reject(new Error('AbortError')) : undefined;
    }, frames.scheduler);
    batcher.request();
    frames.runFrame();
    batcher.request();
    await settle();
    frames.runFrame();
    expect(flushes).toBe(2);
  });

  it('drops its frame when stopped', () => {
    const frames = manualFrames();
    let flushes = 0;
    const batcher = createFrameBatcher(() => void flushes++, frames.scheduler);
    batcher.request();
    batcher.stop();
    frames.runFrame();
    batcher.request();
    expect([flushes, frames.pending()]).toEqual([0, 0]);
  });
});
