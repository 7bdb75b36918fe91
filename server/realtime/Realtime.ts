import type { Server as HttpServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Server, type Socket } from 'socket.io';
import {
  MAX_REPLAY_EVENTS,
  type ClientToServerEvents,
  type EventBatch,
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
  /** A reset is rewriting the log: nothing goes out until every screen is told to reload. */
  private held = false;

  constructor(httpServer: HttpServer, private readonly options: RealtimeOptions) {
    this.io = new Server(httpServer, { serveClient: false, transports: ['websocket', 'polling'] });
    // Rooms come from the verified token, never from what the client says it is.
    this.io.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const result = options.auth.authenticate(typeof token === 'string' ? token : undefined);
      if (!result.ok) return next(new Error(result.message));
      socket.data.principal = result.principal;
      socket.data.audience = audienceOf(result.principal);
      next();
    });
    this.io.on('connection', (socket) => this.onConnection(socket));
    this.timers.push(setInterval(() => this.flushKpis(), options.kpiFrameIntervalMs));
    this.timers.push(setInterval(() => this.heartbeat(), options.heartbeatIntervalMs));
  }

  private onConnection(socket: JinlinSocket): void {
    this.options.metrics.connectedSockets.inc();
    socket.on('disconnect', () => this.options.metrics.connectedSockets.dec());
    socket.on('view:subscribe', (request, ack) => {
      if (typeof ack !== 'function') return;
      this.subscribe(socket, request).then(ack, (error: Error) => ack({ ok: false, error: 'internal_error', message: error.message }));
    });
  }

  private async subscribe(socket: JinlinSocket, request: SubscribeRequest): Promise<SubscribeAck> {
    const scope = typeof request?.scope === 'string' ? request.scope : '';
    if (!this.options.county.get(scope) || !canRead(socket.data.principal) || !mayView(socket.data.principal, scope)) {
      // Out of scope looks exactly like a code that does not exist.
      return { ok: false, error: 'region_not_found', message: `no region with code "${scope}"` };
    }
    const afterSeq = Number.isInteger(request.afterSeq) && (request.afterSeq ?? -1) >= 0 ? (request.afterSeq as number) : undefined;
    const epoch = this.options.store.epoch();
    // Its seq belongs to another log (a reset happened while it slept): replaying would graft this
    // log's events onto the old world's picture.
    const otherLog = typeof request.epoch === 'string' && request.epoch !== epoch;
    if (socket.data.scope) await socket.leave(roomOf(socket.data.scope, socket.data.audience));
    socket.data.scope = scope;
    let replayed = 0;
    if (otherLog) socket.emit('reload', { reason: 'reset', headSeq: this.options.live.headSeq });
    else if (afterSeq !== undefined) {
      const result = await this.replay(socket, scope, afterSeq);
      if (result === 'too_far_behind') {
        socket.emit('reload', { reason: 'too_far_behind', headSeq: this.options.live.headSeq });
      } else replayed = result;
    }
    await socket.join(roomOf(scope, socket.data.audience));
    this.dirtyKpis.add(scope);
    return { ok: true, scope, headSeq: this.options.live.headSeq, replayed, epoch };
  }

  /** Sends the socket what it missed in its scope, straight from the store, chained by prevSeq. */
  private async replay(socket: JinlinSocket, scope: string, afterSeq: number): Promise<number | 'too_far_behind'> {
    const events = await this.options.store.readEvents({ afterSeq, limit: MAX_REPLAY_EVENTS + 1, scope });
    if (events.length > MAX_REPLAY_EVENTS) return 'too_far_behind';
    let prevSeq = afterSeq;
    for (let i = 0; i < events.length; i += REPLAY_CHUNK) {
      const chunk = events.slice(i, i + REPLAY_CHUNK).map((e) => shapeEventForAudience(e, socket.data.audience));
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
          if (!view) shaped.set(audience, (view = shapeEventForAudience(event, audience)));
          const frame = frames.get(room);
          if (frame) frame.events.push(view);
          else frames.set(room, { events: [view], prevSeq: prevSeqs[i] ?? 0 });
        }
      });
      this.options.metrics.eventsIngested.inc({ type: event.type });
    }
    for (const [room, frame] of frames) this.io.to(room).emit('events', frame);
    for (const code of changed) this.dirtyKpis.add(code);
    this.options.metrics.headSeq.set(this.options.live.headSeq);
    this.options.metrics.fanoutSeconds.observe((performance.now() - started) / 1000);
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
      for (const audience of watched) this.io.to(roomOf(code, audience)).emit('kpi', frame);
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
      this.io.to(room).emit('heartbeat', { headSeq: live.headSeq, scopeSeq: live.lastSeqOf(code), serverTime, intervalMs: heartbeatIntervalMs, epoch });
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
    this.io.emit('reload', { reason: 'reset', headSeq: this.options.live.headSeq });
  }

  /** For drills and tests of the stale banner: stop (or resume) heartbeats without closing sockets. */
  pauseHeartbeat(paused: boolean): void {
    this.heartbeatPaused = paused;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    // Not io.close(): that would also close the HTTP server, which Fastify owns and closes itself.
    this.io.disconnectSockets(true);
    this.io.engine.close();
  }
}
