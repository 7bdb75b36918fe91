import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import {
  DemoResetRequest,
  ScenarioStartRequest,
  TourCommandByAction,
  type DemoAck,
  type DemoState,
  type ResetResult,
  type ScenarioId,
  type TourCommand,
} from '../../shared/contract/demo';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contract/socket';
import { canPresent, type Principal } from '../../shared/logic/access';
import { describeValidationError } from '../plugins/validation';
import type { Realtime, SocketData } from '../realtime/Realtime';
import { DemoError, type ScenarioControl } from './DemoControls';
import { DemoRelay, type DemoLeadership, type RelayedCommand } from './DemoRelay';
import type { TourDirector } from './TourDirector';

/** A demo command's outcome, with the HTTP status the API answers a refusal with. */
export type DemoOutcome<T = object> =
  | ({ ok: true; state: DemoState } & T)
  | { ok: false; statusCode: number; error: string; message: string };

type DemoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface DemoHubOptions {
  io: Realtime['io'];
  /** Null when no tour is configured (TOUR_FILE empty). */
  tour: TourDirector | null;
  /** The county on screen is generated sample data. */
  sample: boolean;
  log?: FastifyBaseLogger;
  /**
   * Several nodes on one log: the leader runs the tour clock, scenarios and resets and tells every
   * screen; the others forward commands to it. Absent (one process): this hub does it all.
   */
  leadership?: DemoLeadership | null;
}

/** Scenario progress can change many times a second; walls need at most this many frames. */
const MIN_FRAME_INTERVAL_MS = 200;

const ajv = new Ajv({ discriminator: true, removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false, strict: false });
const validTourCommand = ajv.compile<TourCommand>(TourCommandByAction);
const validScenarioStart = ajv.compile<{ id: ScenarioId }>(ScenarioStartRequest);
const validReset = ajv.compile(DemoResetRequest);

const refuse = (statusCode: number, error: string, message: string) => ({ ok: false as const, statusCode, error, message });
const FORBIDDEN = refuse(403, 'forbidden', 'presenter or admin token required');
const UNAVAILABLE = refuse(503, 'demo_unavailable', 'scenarios and reset are not available on this server');

/**
 * Demo mode's single voice: composes the DemoState every screen follows, sends it to each socket
 * on connection and to all of them on every change, and carries out the presenter's commands
 * (socket or HTTP), which only presenters and admins may give.
 */
export class DemoHub {
  private scenarios: ScenarioControl | null = null;
  private unsubscribeScenarios: (() => void) | undefined;
  private readonly unsubscribeTour: (() => void) | undefined;
  private pendingFrame: NodeJS.Timeout | undefined;
  private lastFrameAt = 0;
  private readonly relay: DemoRelay | null = null;
  /** On a follower: the leader's newest state, what its screens are shown. */
  private leaderState: DemoState | null = null;
  private readonly unsubscribeLeadership: (() => void) | undefined;

  constructor(private readonly options: DemoHubOptions) {
    options.io.on('connection', (socket) => this.onConnection(socket));
    this.unsubscribeTour = options.tour?.onChange(() => this.changed());
    const leadership = options.leadership;
    if (leadership) {
      this.relay = new DemoRelay(options.io as unknown as ConstructorParameters<typeof DemoRelay>[0], leadership, {
        execute: (command) => this.execute(command),
        leaderState: (state) => {
          this.leaderState = state;
        },
        mirrorTour: (command) => void options.tour?.command(command),
        ownState: () => this.ownState(),
      });
      this.unsubscribeLeadership = leadership.onChange((leading) => {
        // A new leader shows every screen its own state at once; a former one listens again.
        if (leading) {
          this.leaderState = null;
          this.broadcast();
        } else this.relay?.askLeaderState();
      });
      if (!leadership.isLeader()) this.relay.askLeaderState();
    }
  }

  state(): DemoState {
    // The tour's clock on this node (the same real time as the leader's): walls time progress on it.
    if (this.relay?.following && this.leaderState) return { ...this.leaderState, sentAt: this.options.tour?.now() ?? Date.now() };
    return this.ownState();
  }

  private ownState(): DemoState {
    return {
      sample: this.options.sample,
      tour: this.options.tour?.state() ?? null,
      scenario: this.scenarios?.scenario() ?? null,
      resetting: this.scenarios?.resetting() ?? false,
      // The clock the tour's times are on: walls run progress bars on it, not on their own clocks.
      sentAt: this.options.tour?.now() ?? Date.now(),
    };
  }

  /** Scenarios and reset join once the live side of demo mode exists; until then they answer 503. */
  attachScenarios(control: ScenarioControl): void {
    this.unsubscribeScenarios?.();
    this.scenarios = control;
    this.unsubscribeScenarios = control.onChange(() => this.changed());
    this.changed();
  }

  /** Synchronous on a single process; forwarded to the leader (a promise) on a follower. */
  tourCommand(principal: Principal, command: unknown): DemoOutcome | Promise<DemoOutcome> {
    if (!canPresent(principal)) return FORBIDDEN;
    if (!validTourCommand(command)) return invalid(validTourCommand, 'command');
    if (!this.options.tour) return refuse(503, 'tour_unavailable', 'no tour is configured on this server (TOUR_FILE)');
    if (this.relay?.following) return this.relay.forward({ kind: 'tour', principal, body: command });
    const result = this.options.tour.command(command);
    if (!result.ok) return refuse(400, result.error.code, result.error.message);
    this.relay?.mirror(command);
    return { ok: true, state: this.state() };
  }

  async startScenario(principal: Principal, request: unknown): Promise<DemoOutcome> {
    if (!canPresent(principal)) return FORBIDDEN;
    if (!validScenarioStart(request)) return invalid(validScenarioStart, 'request');
    const scenarios = this.scenarios;
    if (!scenarios) return UNAVAILABLE;
    if (this.relay?.following) return this.relay.forward({ kind: 'scenario', principal, body: request });
    return this.attempt(async () => {
      await scenarios.start(request.id);
      return {};
    });
  }

  async reset(principal: Principal, request: unknown): Promise<DemoOutcome<{ reset: ResetResult }>> {
    if (!canPresent(principal)) return FORBIDDEN;
    if (!validReset(request)) return invalid(validReset, 'request');
    const scenarios = this.scenarios;
    if (!scenarios) return UNAVAILABLE;
    if (this.relay?.following) return this.relay.forward({ kind: 'reset', principal, body: request }) as Promise<DemoOutcome<{ reset: ResetResult }>>;
    return this.attempt(async () => ({ reset: await scenarios.reset() }));
  }

  close(): void {
    clearTimeout(this.pendingFrame);
    this.unsubscribeLeadership?.();
    this.relay?.close();
    this.unsubscribeTour?.();
    this.unsubscribeScenarios?.();
  }

  /** A command forwarded from another node, carried out here as the leader. */
  private execute(command: RelayedCommand): DemoOutcome | Promise<DemoOutcome> {
    if (command.kind === 'tour') return this.tourCommand(command.principal, command.body);
    if (command.kind === 'scenario') return this.startScenario(command.principal, command.body);
    return this.reset(command.principal, command.body);
  }

  private async attempt<T extends object>(action: () => Promise<T>): Promise<DemoOutcome<T>> {
    try {
      const extra = await action();
      return { ok: true, state: this.state(), ...extra };
    } catch (error) {
      if (error instanceof DemoError) return refuse(error.statusCode, error.code, error.message);
      this.options.log?.error({ err: error }, 'demo command failed');
      return refuse(500, 'internal_error', 'the demo command failed');
    }
  }

  private onConnection(socket: DemoSocket): void {
    socket.emit('demo', this.state());
    const principal = () => socket.data.principal;
    socket.on('tour:command', (command, ack) => {
      if (typeof ack === 'function') void Promise.resolve(this.tourCommand(principal(), command)).then((outcome) => ack(toAck(outcome)));
    });
    socket.on('scenario:start', (request, ack) => {
      if (typeof ack === 'function') void this.startScenario(principal(), request).then((outcome) => ack(toAck(outcome)));
    });
    socket.on('demo:reset', (request, ack) => {
      if (typeof ack === 'function') void this.reset(principal(), request).then((outcome) => ack(toAck(outcome)));
    });
  }

  /** Every change reaches every screen; bursts are coalesced to one frame per interval, the newest state. */
  private changed(): void {
    if (this.pendingFrame) return;
    const waitMs = this.lastFrameAt + MIN_FRAME_INTERVAL_MS - Date.now();
    if (waitMs <= 0) return this.broadcast();
    this.pendingFrame = setTimeout(() => this.broadcast(), waitMs);
  }

  private broadcast(): void {
    this.pendingFrame = undefined;
    this.lastFrameAt = Date.now();
    // Several nodes: only the leader speaks, and its io.emit reaches every node's screens (adapter).
    if (this.relay?.following) return;
    const state = this.ownState();
    this.options.io.emit('demo', state);
    this.relay?.announce(state);
  }
}

const invalid = (validate: ValidateFunction, context: string) =>
  refuse(400, 'invalid_command', describeValidationError(validate.errors ?? [], context));

/** The socket ack carries no HTTP status. */
const toAck = (outcome: DemoOutcome): DemoAck =>
  outcome.ok ? { ok: true, state: outcome.state } : { ok: false, error: outcome.error, message: outcome.message };
