import type { JinlinEvent } from '../domain/event';
import type { RegionKpis } from '../domain/kpi';
import type { DemoAck, DemoState, ScenarioId, TourCommand } from './demo';
import type { AlarmFrame } from './alarms';

/** Socket.IO contract. Server events are facts; client commands are verbs with an ack. */

export interface Heartbeat {
  /** Newest committed seq on the server: a screen whose own seq lags it knows it is behind. */
  headSeq: number;
  /** Seq of the newest event inside the socket's scope: ahead of the screen's = it missed events. */
  scopeSeq: number;
  serverTime: number;
  /** How fast the server's clock runs (60 in a compressed demo): a screen's clock moves on at this rate between beats. */
  speed: number;
  intervalMs: number;
  /** The log epoch: a screen holding another (it missed the reset's reload notice) reloads. */
  epoch: string;
}

export interface KpiFrame {
  scope: string;
  kpis: RegionKpis;
}

export interface SubscribeRequest {
  scope: string;
  /** Last seq the client has applied; the server replays everything after it in this scope. */
  afterSeq?: number;
  /** The log epoch that seq belongs to; another epoch than the server's (a reset) means reload. */
  epoch?: string;
}

export type SubscribeAck =
  | {
      ok: true;
      scope: string;
      headSeq: number;
      replayed: number;
      /** The server's log epoch: seqs compare only within one (see SubscribeRequest.epoch). */
      epoch: string;
    }
  | { ok: false; error: string; message: string };

export interface ReloadNotice {
  reason: 'too_far_behind' | 'scope_changed' | 'reset';
  headSeq: number;
}

export interface ServerToClientEvents {
  /** Events of the subscribed scope committed together (one frame per commit batch, in seq order). */
  events: (batch: EventBatch) => void;
  kpi: (frame: KpiFrame) => void;
  heartbeat: (beat: Heartbeat) => void;
  reload: (notice: ReloadNotice) => void;
  /** Demo mode: tour, scenario and reset state; sent on connect and on every change. */
  demo: (state: DemoState) => void;
  /** Every active alarm in the token's scope (whatever region the screen shows); on connect and on every change. */
  alarms: (frame: AlarmFrame) => void;
}

export interface ClientToServerEvents {
  'view:subscribe': (request: SubscribeRequest, ack: (result: SubscribeAck) => void) => void;
  /** Presenter (or admin) only: drive the tour every wall follows. */
  'tour:command': (command: TourCommand, ack: (result: DemoAck) => void) => void;
  /** Presenter (or admin) only: start a scripted scenario through the ingest path. */
  'scenario:start': (request: { id: ScenarioId }, ack: (result: DemoAck) => void) => void;
  /** Presenter (or admin) only: reset the demo county to this morning (acked when done). */
  'demo:reset': (request: Record<string, never>, ack: (result: DemoAck) => void) => void;
}

/** More missed events than this and the server tells the client to reload its snapshot instead. */
export const MAX_REPLAY_EVENTS = 5000;
export const HEARTBEAT_INTERVAL_MS = 5000;
export const KPI_FRAME_MIN_INTERVAL_MS = 500;

/**
 * What the server sends: consecutive events of one scope (in seq order), chained by `prevSeq` to
 * the event before the first. Batching per commit cuts frames, syscalls and decodes per screen.
 */
export interface EventBatch {
  events: JinlinEvent[];
  prevSeq: number;
}

/** One event as a subscription receives it, chained to the previous event of the same scope. */
export interface EventFrame {
  event: JinlinEvent;
  /** Seq of the previous event inside the subscribed scope (0 = none): if it is newer than the
   * screen's last applied seq, the screen missed something and fetches /events?after=. */
  prevSeq: number;
}

/** Splits a batch into per-event frames, each chained to the one before it. */
export const framesOf = (batch: EventBatch): EventFrame[] =>
  batch.events.map((event, i) => ({ event, prevSeq: i === 0 ? batch.prevSeq : (batch.events[i - 1] as JinlinEvent).seq }));
