import type { DemoAck, ScenarioId, TourCommand } from '../../shared/contract/demo';

/** The presenter's three socket commands, each answered with a DemoAck. */
export type DemoRequest =
  | { event: 'tour:command'; payload: TourCommand }
  | { event: 'scenario:start'; payload: { id: ScenarioId } }
  | { event: 'demo:reset'; payload: Record<string, never> };

/** Why a command got no answer at all (an answer that refuses is a DemoAck with ok: false). */
export type DemoFailure = 'offline' | 'timeout';

/** A command that never reached the server, or whose ack never came back in time. */
export class DemoCommandError extends Error {
  constructor(
    readonly code: DemoFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DemoCommandError';
  }
}

/** How long a presenter waits for an ack before saying so; a reset acks only when it is done. */
export const demoAckTimeoutMs = (request: DemoRequest): number => (request.event === 'demo:reset' ? 60_000 : 5_000);

export type { DemoAck };
