import { describe, expect, it } from 'vitest';
import { nextFrameInterval } from '../../../../client/map/engine/animationLoop';
import { createServerClock } from '../../../../client/time/serverClock';

const pacing = { minIntervalMs: 33, maxIntervalMs: 500 };

describe('animation pacing', () => {
  it('backs off when frames arrive at less than half the asked-for pace', () => {
    expect(nextFrameInterval(33, 120, pacing)).toBe(66);
    expect(nextFrameInterval(400, 2000, pacing)).toBe(500);
  });

  it('creeps back towards 30 fps when frames come on time', () => {
    expect(nextFrameInterval(100, 105, pacing)).toBe(90);
    expect(nextFrameInterval(34, 34, pacing)).toBe(33);
  });

  it('holds its pace in between', () => {
    expect(nextFrameInterval(100, 150, pacing)).toBe(100);
  });
});

describe('the server clock', () => {
  it('moves the last server reading on by the local monotonic clock', () => {
    let localMs = 1000;
    const clock = createServerClock(() => localMs);
    clock.set(5_000_000);
    localMs += 250;
    expect(clock.now()).toBe(5_000_250);
  });
});
