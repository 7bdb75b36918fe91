import type { Simulator } from '../simulator/simulator';

export type GatedSimulator = Simulator & { leadershipChanged(leading: boolean): void };

/**
 * The simulator as the app sees it when several nodes share a log: its live loop runs only while
 * this node leads. A resume asked for on a follower waits for leadership; losing it pauses the loop.
 * Explicit replays (warm-up, reset to morning) run wherever they are asked for.
 */
export const leaderGatedSimulator = (inner: Simulator, isLeader: () => boolean): GatedSimulator => {
  let wanted = true;
  if (!isLeader()) void inner.pause();
  return {
    start: () => inner.start(),
    stop: () => inner.stop(),
    stats: () => inner.stats(),
    warmUp: (hours) => inner.warmUp(hours),
    reseed: (seed) => inner.reseed(seed),
    replay: (start, end) => inner.replay(start, end),
    pause: () => {
      wanted = false;
      return inner.pause();
    },
    resume: () => {
      wanted = true;
      if (isLeader()) inner.resume();
    },
    leadershipChanged: (leading) => {
      if (!leading) void inner.pause();
      else if (wanted) inner.resume();
    },
  };
};
