import type { Server as HttpServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Server, type Socket } from 'socket.io';
import {
  MAX_REPLAY_EVENTS,
  type ClientToServerEvents,
  type EventBatch,
  type ReloadNotice,
  type ServerToClientEvents,
  type SubscribeAck,
  type SubscribeRequest,
} from '../../shared/contract/socket';
import type { JinlinEvent } from '../../shared/domain/event';
import { shapeEventForAudience, type Audience } from '../../shared/logic/shapeForAudience';
import { audienceOf, canRead, mayView, type Principal } from '../../shared/logic/access';
import type { Auth } from '../auth/Auth';
import type { Clock } from '../clock';
import type { CountyIndex } from '../county/CountyIndex';
import type { AppliedEvent, LiveState } from '../live/LiveState';
import type { Metrics } from '../metrics/Metrics';
import type { EventStore } from '../store/EventStore';
import { SubscribeBudget } from './SubscribeBudget';
import { CatchUps, framesAbove } from './CatchUps';

export interface SocketData {
  scope?: string;
  audience: Audience;
  principal: Principal;
}

type JinlinServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type JinlinSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeOptions {
  auth: Auth;
  live: LiveState;
  county: CountyIndex;
  store: EventStore;
  metrics: Metrics;
  clock: Clock;
  heartbeatIntervalMs: number;
  kpiFrameIntervalMs: number;
  /** view:subscribe per minute per socket (0 = unlimited). */
  subscribesPerMinute?: number;
}

const AUDIENCES: readonly Audience[] = ['public', 'full'];
/** Replayed events go out in frames of this many, so a long catch-up never builds one huge message. */
const REPLAY_CHUNK = 500;
export const roomOf = (code: string, audience: Audience) => `scope:${code}:${audience}`;

/**
 * Socket.IO fan-out. A socket subscribes to ONE scope and sits in that scope's room for its
 * audience; every committed event is emitted to the room of each code on its region path, chained
 * with the previous seq in that scope, so a screen gets each event once and can prove it missed none.
 */
export class Realtime {
  readonly io: JinlinServer;
  private readonly dirtyKpis = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private heartbeatPaused = false;
  /** Sockets between joining a room and the end of their replay, whose live frames wait. */
  private readonly catchUps = new CatchUps();
  /** Each socket's subscribes run one after another, so two can never interleave their replays. */
  private readonly subscribing = new WeakMap<JinlinSocket, Promise<void>>();
  /** A reset is rewriting the log: nothing goes out until every screen is told to reload. */
  private held = false;

  constructor(httpServer: HttpServer, private readonly options: RealtimeOptions) {
    this.io = new Server(httpServer, { serveClient: false, transports: ['websocket', 'polling'] });
    // Rooms come from the verified token, never from what the client says it is.
    this.io.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      void options.auth.authenticate(typeof token === 'string' ? token : undefined).then((result) => {
        if (!result.ok) return next(new Error(result.message));
        socket.data.principal = result.principal;
        socket.data.audience = audienceOf(result.principal);
        next();
      }, next);
    });
    this.io.on('connection', (socket) => this.onConnection(socket));
    this.timers.push(setInterval(() => this.flushKpis(), options.kpiFrameIntervalMs));
    this.timers.push(setInterval(() => this.heartbeat(), options.heartbeatIntervalMs));
  }

  private onConnection(socket: JinlinSocket): void {
    this.options.metrics.connectedSockets.inc();
    socket.on('disconnect', () => this.options.metrics.connectedSockets.dec());
    const budget = new SubscribeBudget(this.options.subscribesPerMinute ?? 0);
    socket.on('view:subscribe', (request, ack) => {
      if (typeof ack !== 'function') return;
      if (!budget.take()) {
        ack({ ok: false, error: 'rate_limited', message: `too many subscribes on this connection; retry in ${budget.retryAfterSeconds()} s` });
        return;
      }
      const next = (this.subscribing.get(socket) ?? Promise.resolve())
        .then(() => this.subscribe(socket, request, ack))
        .catch((error: Error) => ack({ ok: false, error: 'internal_error', message: error.message }));
      this.subscribing.set(socket, next);
    });
  }

  /**
   * Exactly once: the socket joins its room with the room's frames held for it, gets the log up to
   * the head at join time (the cutoff) from the store, then only the held frames above the cutoff.
   * Release and ack go out in one tick, so the ack's headSeq covers all sent and nothing after it.
   */
  private async subscribe(socket: JinlinSocket, request: SubscribeRequest, ack: (result: SubscribeAck) => void): Promise<void> {
    const scope = typeof request?.scope === 'string' ? request.scope : '';
    if (!this.options.county.get(scope) || !canRead(socket.data.principal) || !mayView(socket.data.principal, scope)) {
      // Out of scope looks exactly like a code that does not exist.
      return ack({ ok: false, error: 'region_not_found', message: `no region with code "${scope}"` });
    }
    const afterSeq = Number.isInteger(request.afterSeq) && (request.afterSeq ?? -1) >= 0 ? (request.afterSeq as number) : undefined;
    const { live, store } = this.options;
    const epoch = store.epoch();
    // Its seq belongs to another log (a reset happened while it slept): replaying would graft this
    // log's events onto the old world's picture.
    const otherLog = typeof request.epoch === 'string' && request.epoch !== epoch;
    if (socket.data.scope) await socket.leave(roomOf(socket.data.scope, socket.data.audience));
    socket.data.scope = scope;
    const room = roomOf(scope, socket.data.audience);
    // live.headSeq, not the store's head: the store may already hold events that are committed
    // but not yet published, and those will reach the socket through the room.
    const catchUp = this.catchUps.start(socket.id, room, live.headSeq);
    let replayed = 0;
    let reload: ReloadNotice['reason'] | undefined = otherLog ? 'reset' : undefined;
    try {
      await socket.join(room);
      if (!otherLog && afterSeq !== undefined) {
        const result = await this.replay(socket, scope, afterSeq, catchUp.cutoff);
        if (result === 'too_far_behind') reload = 'too_far_behind';
        else replayed = result;
      }
    } catch (error) {
      socket.data.scope = undefined;
      await socket.leave(room);
      throw error;
    } finally {
      this.catchUps.end(catchUp);
    }
    if (catchUp.overflowed) reload = 'too_far_behind';
    // A reloading screen fetches a fresh snapshot and resubscribes: held frames would only be noise.
    if (reload) socket.emit('reload', { reason: reload, headSeq: live.headSeq });
    else for (const frame of framesAbove(catchUp.frames, Math.max(catchUp.cutoff, afterSeq ?? 0))) socket.emit('events', frame);
    this.dirtyKpis.add(scope);
    ack({ ok: true, scope, headSeq: live.headSeq, replayed, epoch });
  }

  /**
   * Sends the socket what it missed in its scope up to `upTo`, straight from the store, chained by
   * prevSeq. Later events in the store are left to the held room frames.
   */
  private async replay(socket: JinlinSocket, scope: string, afterSeq: number, upTo: number): Promise<number | 'too_far_behind'> {
    const read = await this.options.store.readEvents({ afterSeq, limit: MAX_REPLAY_EVENTS + 1, scope });
    // Seq order: what is at or below the cutoff is a prefix, complete unless it alone is too long.
    const events = read.filter((e) => e.seq <= upTo);
    if (events.length > MAX_REPLAY_EVENTS) return 'too_far_behind';
    let prevSeq = afterSeq;
    for (let i = 0; i < events.length; i += REPLAY_CHUNK) {
      const chunk = events.slice(i, i + REPLAY_CHUNK).map((e) => shapeEventForAudience(e, socket.data.audience, this.options.live.entities));
      socket.emit('events', { events: chunk, prevSeq });
      prevSeq = (chunk.at(-1) as JinlinEvent).seq;
    }
    this.options.metrics.replayedEvents.inc(events.length);
    return events.length;
  }

  /**
   * Fan-out of a committed batch (already applied to live state): ONE frame per watched room,
   * holding that room's events in seq order, chained to the room's previous event.
   */
  publish({ applied, changed }: { applied: AppliedEvent[]; changed: Set<string> }): void {
    if (this.held) return;
    const started = performance.now();
    const rooms = this.io.sockets.adapter.rooms;
    const frames = new Map<string, EventBatch>();
    for (const { event, prevSeqs } of applied) {
      const shaped = new Map<Audience, JinlinEvent>();
      event.regionPath.forEach((code, i) => {
        for (const audience of AUDIENCES) {
          const room = roomOf(code, audience);
          if (!rooms.get(room)?.size) continue;
          let view = shaped.get(audience);
          if (!view) shaped.set(audience, (view = shapeEventForAudience(event, audience, this.options.live.entities)));
          const frame = frames.get(room);
          if (frame) frame.events.push(view);
          else frames.set(room, { events: [view], prevSeq: prevSeqs[i] ?? 0 });
        }
      });
      this.options.metrics.eventsIngested.inc({ type: event.type });
    }
    for (const [room, frame] of frames) this.roomBut(room, this.catchUps.hold(room, frame)).emit('events', frame);
    for (const code of changed) this.dirtyKpis.add(code);
    this.options.metrics.headSeq.set(this.options.live.headSeq);
    this.options.metrics.fanoutSeconds.observe((performance.now() - started) / 1000);
  }

  private roomBut(room: string, waiting: string[]) {
    // Local: every node sends its own screens what its own tailer applied (the adapter would repeat it on every node).
    return waiting.length === 0 ? this.io.local.to(room) : this.io.local.to(room).except(waiting);
  }

  /** Marks regions whose figures changed without an event (time passing). */
  markKpisDirty(codes: Iterable<string>): void {
    for (const code of codes) this.dirtyKpis.add(code);
  }

  /** Coalesced KPI frames: at most one per room per interval, only for rooms someone watches. */
  private flushKpis(): void {
    if (this.dirtyKpis.size === 0 || this.held) return;
    const now = this.options.clock.now();
    const rooms = this.io.sockets.adapter.rooms;
    for (const code of this.dirtyKpis) {
      const watched = AUDIENCES.filter((a) => rooms.get(roomOf(code, a))?.size);
      if (watched.length === 0) continue;
      const frame = { scope: code, kpis: this.options.live.kpisOf(code, now) };
      for (const audience of watched) this.io.local.to(roomOf(code, audience)).emit('kpi', frame);
    }
    this.dirtyKpis.clear();
  }

  /** Heartbeats carry the head and the scope's newest seq, so a screen can tell it is stale or behind. */
  private heartbeat(): void {
    this.cutExpired(Date.now());
    if (this.heartbeatPaused || this.held) return;
    const { live, heartbeatIntervalMs } = this.options;
    const serverTime = this.options.clock.now();
    const epoch = this.options.store.epoch();
    for (const [room, members] of this.io.sockets.adapter.rooms) {
      if (!room.startsWith('scope:') || members.size === 0) continue;
      const code = room.split(':')[1] ?? '';
      // Not to a socket still catching up: a scopeSeq ahead of its replay would look like a gap.
      this.roomBut(room, this.catchUps.waitingIn(room)).emit('heartbeat', { headSeq: live.headSeq, scopeSeq: live.lastSeqOf(code), serverTime, speed: this.options.clock.speed(), intervalMs: heartbeatIntervalMs, epoch });
    }
  }

  /** Cuts the live sockets of a revoked token at once. */
  disconnectToken(jti: string): number {
    let cut = 0;
    for (const socket of this.io.sockets.sockets.values()) {
      if (socket.data.principal?.jti === jti) {
        socket.disconnect(true);
        cut++;
      }
    }
    return cut;
  }

  /** Sockets whose token expired while connected are cut too; they reconnect with a fresh one. */
  private cutExpired(now: number): void {
    for (const socket of this.io.sockets.sockets.values()) {
      const expiresAt = socket.data.principal?.expiresAt;
      if (expiresAt !== undefined && expiresAt <= now) socket.disconnect(true);
    }
  }

  /**
   * "Reset to morning" rewrites the log under a new epoch: while held, no events, figures or
   * heartbeats go out (screens keep the old picture); on release every screen is told to reload.
   */
  holdForReset(): void {
    this.held = true;
  }

  releaseAfterReset(): void {
    this.held = false;
    this.dirtyKpis.clear();
    // Local: on several nodes each one releases once its own live state is under the new epoch.
    this.io.local.emit('reload', { reason: 'reset', headSeq: this.options.live.headSeq });
  }

  /** For drills and tests of the stale banner: stop (or resume) heartbeats without closing sockets. */
  pauseHeartbeat(paused: boolean): void {
    this.heartbeatPaused = paused;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    // No new sessions on a closing process: a refused handshake is a transport error, so the client
    // retries with backoff and lands on the next process.
    this.io.engine.opts.allowRequest = (_req, callback) => callback('server shutting down', false);
    // Transports closed, not sockets disconnected: "io server disconnect" would tell a standard
    // socket.io client never to reconnect, a "transport close" makes it redial by itself.
    // Not io.close(): that would also close the HTTP server, which Fastify owns and closes itself.
    this.io.engine.close();
  }
}
