/** A past period of the log, in epoch ms. */
export interface ReplayPeriod {
  from: number;
  to: number;
}

/** The speeds an operator picks from: one wall second is this many seconds of the past. */
export const REPLAY_SPEEDS = [1, 10, 60, 600, 3600] as const;

export type ReplayPhase = 'idle' | 'loading' | 'playing' | 'paused' | 'ended';

/** What the wall shows of a replay: the banner, the scrub bar and the test hook read it. */
export interface ReplayState {
  phase: ReplayPhase;
  scope: string;
  from: number;
  to: number;
  /** The replay clock: the moment of the past the wall's picture stands at. */
  at: number;
  speed: number;
  /** The seq of the last event applied (or of the snapshot loaded last). */
  appliedSeq: number;
  /** The replay time the KPI figures on the panels were computed at. */
  kpisAt: number;
  /** When (the player's monotonic clock) the last replay snapshot reached the stores: a jump's end. */
  loadedAtMs: number;
}

export const INITIAL_REPLAY_STATE: ReplayState = { phase: 'idle', scope: '', from: 0, to: 0, at: 0, speed: 1, appliedSeq: 0, kpisAt: 0, loadedAtMs: 0 };
