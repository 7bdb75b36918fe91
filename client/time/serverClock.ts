export interface ServerClock {
  /** Takes a server time reading (epoch ms) as of now. */
  set(serverNowMs: number): void;
  /** Server time now: the last reading moved on by the local monotonic clock (or the local wall clock before any). */
  now(): number;
}

/**
 * Server time between readings. The screen's data is stamped in server time and the simulator may run
 * it faster or on another machine's clock, so new/overdue/ripple timing follows the server, while the
 * 30 fps animation in between moves on the local monotonic clock.
 */
export const createServerClock = (localNow: () => number = () => performance.now()): ServerClock => {
  let reading: { serverMs: number; localMs: number } | null = null;
  return {
    set: (serverNowMs) => {
      reading = { serverMs: serverNowMs, localMs: localNow() };
    },
    now: () => (reading ? reading.serverMs + (localNow() - reading.localMs) : Date.now()),
  };
};
