import { describe, expect, it } from 'vitest';
import { countdownText, tourProgress } from '../../../client/demo/tourProgress';
import { tourOf } from './demoFixtures';

describe('tourProgress', () => {
  it('measures the stop on screen against the server clock: 5 s into a 20 s stop leaves 15 s', () => {
    expect(tourProgress(tourOf({ stopStartedAt: 1_000_000, endsAt: 1_020_000 }), 1_005_000)).toEqual({
      remainingMs: 15_000,
      elapsedShare: 0.25,
      durationMs: 20_000,
    });
  });

  it('stays within the stop when the clocks disagree: never more than its length left, never less than nothing', () => {
    const tour = tourOf({ stopStartedAt: 1_000_000, endsAt: 1_020_000 });
    expect(tourProgress(tour, 990_000)).toMatchObject({ remainingMs: 20_000, elapsedShare: 0 });
    expect(tourProgress(tour, 1_030_000)).toMatchObject({ remainingMs: 0, elapsedShare: 1 });
  });

  it('has no progress while paused, free-roaming or without a tour', () => {
    const none = { remainingMs: null, elapsedShare: null, durationMs: null };
    expect(tourProgress(tourOf({ mode: 'paused', endsAt: null }), 1_005_000)).toEqual(none);
    expect(tourProgress(tourOf({ mode: 'free', endsAt: null }), 1_005_000)).toEqual(none);
    expect(tourProgress(null, 1_005_000)).toEqual(none);
  });
});

describe('countdownText', () => {
  it('reads as minutes and seconds, rounding a started second up', () => {
    expect(countdownText(6_200)).toBe('0:07');
    expect(countdownText(150_000)).toBe('2:30');
    expect(countdownText(0)).toBe('0:00');
    expect(countdownText(-500)).toBe('0:00');
  });
});
