/**
 * A monotonic clock and a wall clock the test moves by hand: `advance` moves both (time passing),
 * `jumpWall` moves only the wall clock (NTP step, an operator fixing the PC's date).
 */
export const createFakeClock = (startWallMs = Date.UTC(2025, 4, 20, 2, 0, 0)) => {
  let monotonicMs = 1_000;
  let wallMs = startWallMs;
  return {
    monotonicNow: () => monotonicMs,
    wallNow: () => wallMs,
    advance(ms: number): void {
      monotonicMs += ms;
      wallMs += ms;
    },
    jumpWall(ms: number): void {
      wallMs += ms;
    },
  };
};

export type FakeClock = ReturnType<typeof createFakeClock>;
