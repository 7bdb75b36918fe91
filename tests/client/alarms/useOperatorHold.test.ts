import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { OPERATOR_HOLD_MS, useOperatorHold } from '../../../client/alarms/useOperatorHold';

describe('the operator’s hold on the wall’s camera', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const holding = () => {
    const scope = effectScope();
    const hold = scope.run(() => useOperatorHold())!;
    return { ...hold, scope };
  };

  it('holds nothing until the operator moves the camera', () => {
    expect(holding().held.value).toBe(false);
  });

  it('holds alarm flights for a minute after the operator drills in', () => {
    const { held, touch } = holding();
    touch();
    expect(held.value).toBe(true);
    vi.advanceTimersByTime(OPERATOR_HOLD_MS - 1);
    expect(held.value).toBe(true);
    vi.advanceTimersByTime(1);
    expect(held.value).toBe(false);
  });

  it('counts the minute from the operator’s last move, not the first', () => {
    const { held, touch } = holding();
    touch();
    vi.advanceTimersByTime(OPERATOR_HOLD_MS / 2);
    touch();
    vi.advanceTimersByTime(OPERATOR_HOLD_MS - 1);
    expect(held.value).toBe(true);
    vi.advanceTimersByTime(1);
    expect(held.value).toBe(false);
  });

  it('leaves no timer behind when the wall is closed', () => {
    const { touch, scope } = holding();
    touch();
    scope.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
