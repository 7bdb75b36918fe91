import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../../client/map/engine/throttle';

describe('throttling map updates', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first request at once and folds a burst into one run per interval', () => {
    const task = vi.fn();
    const throttled = throttle(task, 250);
    throttled.request();
    expect(task).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 100; i++) throttled.request();
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    expect(task).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('drops a pending run when cancelled', () => {
    const task = vi.fn();
    const throttled = throttle(task, 250);
    throttled.request();
    throttled.request();
    throttled.cancel();
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
