import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import type { DemoState, TourCommand } from '../../shared/contract/demo';
import type { Principal } from '../../shared/logic/access';
import type { DemoOutcome } from './DemoHub';

/** Whether this node leads the singletons (tour clock, scenarios, reset); the store's election. */
export interface DemoLeadership {
  isLeader(): boolean;
  onChange(listener: (leading: boolean) => void): () => void;
}

export type RelayedCommand =
  | { kind: 'tour'; principal: Principal; body: unknown }
  | { kind: 'scenario'; principal: Principal; body: unknown }
  | { kind: 'reset'; principal: Principal; body: unknown };

/** How long a follower waits for the leader's answer: a reset replays the warm-up hours first. */
const ANSWER_WITHIN_MS: Record<RelayedCommand['kind'], number> = { tour: 5000, scenario: 10_000, reset: 180_000 };

const NO_LEADER: DemoOutcome = {
  ok: false,
  statusCode: 503,
  error: 'no_leader',
  message: 'no node leads the demo right now (another one takes over within seconds); try again',
};

/** Server-to-server messages, each on this schema's adapter channel (every node of one log). */
const COMMAND = 'jinlin:demo-command';
const ANSWER = 'jinlin:demo-answer';
const STATE = 'jinlin:demo-state';
const STATE_WANTED = 'jinlin:demo-state-wanted';
const TOUR_MIRROR = 'jinlin:tour-mirror';

export interface DemoRelayHandlers {
  /** Carries out a command here (only called while this node leads). */
  execute(command: RelayedCommand): DemoOutcome | Promise<DemoOutcome>;
  /** The leader's newest demo state (on followers). */
  leaderState(state: DemoState): void;
  /** A tour command the leader carried out, for this node's own tour to follow (on followers). */
  mirrorTour(command: TourCommand): void;
  /** This node's demo state, asked for by a follower that just started or lost the lead. */
  ownState(): DemoState;
}

/**
 * Demo commands given to any node reach the one that leads, through the Socket.IO adapter's
 * serverSideEmit (every node of the log hears it; only the leader acts and answers). The leader
 * also tells the others its demo state, so they can greet new screens with it, and the tour
 * commands it carried out, so a follower that takes over goes on from the same stop.
 */
export class DemoRelay {
  private readonly waiting = new Map<string, (outcome: DemoOutcome) => void>();

  constructor(
    private readonly io: Server,
    private readonly leadership: DemoLeadership,
    private readonly handlers: DemoRelayHandlers,
  ) {
    io.on(COMMAND, (request: { id: string; command: RelayedCommand }) => void this.onCommand(request));
    io.on(ANSWER, (answer: { id: string; outcome: DemoOutcome }) => this.waiting.get(answer.id)?.(answer.outcome));
    io.on(STATE, (state: DemoState) => {
      if (!leadership.isLeader()) handlers.leaderState(state);
    });
    io.on(STATE_WANTED, () => {
      if (leadership.isLeader()) this.announce(handlers.ownState());
    });
    io.on(TOUR_MIRROR, (command: TourCommand) => {
      if (!leadership.isLeader()) handlers.mirrorTour(command);
    });
  }

  get following(): boolean {
    return !this.leadership.isLeader();
  }

  /** Hands a command to the leader and resolves with its answer (503 no_leader if none comes). */
  forward(command: RelayedCommand): Promise<DemoOutcome> {
    const id = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(NO_LEADER), ANSWER_WITHIN_MS[command.kind]);
      const settle = (outcome: DemoOutcome) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(outcome);
      };
      this.waiting.set(id, settle);
      this.io.serverSideEmit(COMMAND, { id, command });
    });
  }

  /** The leader's state for the other nodes (their own screens get it through io.emit). */
  announce(state: DemoState): void {
    this.io.serverSideEmit(STATE, state);
  }

  mirror(command: TourCommand): void {
    this.io.serverSideEmit(TOUR_MIRROR, command);
  }

  /** A follower asks the leader for its state (at start, and when it loses the lead). */
  askLeaderState(): void {
    this.io.serverSideEmit(STATE_WANTED);
  }

  close(): void {
    for (const event of [COMMAND, ANSWER, STATE, STATE_WANTED, TOUR_MIRROR]) this.io.removeAllListeners(event);
    for (const settle of this.waiting.values()) settle(NO_LEADER);
  }

  private async onCommand(request: { id: string; command: RelayedCommand }): Promise<void> {
    if (!this.leadership.isLeader()) return;
    const outcome = await this.handlers.execute(request.command);
    this.io.serverSideEmit(ANSWER, { id: request.id, outcome });
  }
}
