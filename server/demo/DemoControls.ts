import type { ResetResult, ScenarioId, ScenarioState } from '../../shared/contract/demo';

/** A demo command that cannot be carried out now; the API answers with this status and code. */
export class DemoError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode = 409,
  ) {
    super(message);
  }
}

/**
 * The live side of demo mode — scripted scenarios and "reset to morning" — as the presenter's
 * commands reach it (socket or HTTP). The tour is separate: it moves cameras, not data.
 */
export interface ScenarioControl {
  /** The scenario running now, or the last one since the last reset. */
  scenario(): ScenarioState | null;
  resetting(): boolean;
  /** Starts a scenario through the ingest path; rejects with DemoError (e.g. one is already running). */
  start(id: ScenarioId): Promise<ScenarioState>;
  /** Restores the demo county to this morning's known state and clock; settles when done. */
  reset(): Promise<ResetResult>;
  /** Called on every change of scenario or reset state; returns an unsubscribe. */
  onChange(listener: () => void): () => void;
}
