import type { AlarmFrame } from '../../shared/contract/alarms';
import type { DemoAck, DemoState } from '../../shared/contract/demo';
import type { Snapshot } from '../../shared/contract/snapshot';
import type { EventFrame, Heartbeat, KpiFrame, SubscribeAck } from '../../shared/contract/socket';
import type { JinlinEvent } from '../../shared/domain/event';
import { isValidScopeCode } from '../../shared/logic/scope';
import { DemoCommandError, demoAckTimeoutMs, type DemoRequest } from '../demo/demoRequest';
import { Backoff } from './Backoff';
import { connectionStateOf, type ConnectionStatus } from './ConnectionStatus';
import { FreshnessWatch } from './FreshnessWatch';
import { HttpError, isServiceDown } from '../api/HttpError';
import { KpiOrder } from './KpiOrder';
import { ListenerSet } from './ListenerSet';
import { LiveListeners } from './LiveListeners';
import { resolveLiveOptions, type LiveConnectionOptions, type ResolvedLiveOptions } from './LiveConnectionOptions';
import { LogFollower } from './LogFollower';
import { SnapshotWaiters } from './SnapshotWaiters';
import { SocketLink } from './SocketLink';
import { SubscriptionGate } from './SubscriptionGate';

const RETRY_BASE_MS = 500;

/**
 * A screen's live link to the server: snapshot, then every event of its scope exactly once and
 * in seq order, across gaps, reconnects and server restarts (the store's log is the truth;
 * Socket.IO is only the fast path), and an honest account of how fresh that picture is.
 */
export class LiveConnection {
  private readonly options: ResolvedLiveOptions;
  private readonly follower: LogFollower;
  private readonly freshness: FreshnessWatch;
  private readonly gate: SubscriptionGate;
  private readonly backoff: Backoff;
  private readonly listeners = new LiveListeners();
  private readonly demoListeners = new ListenerSet<DemoState>();
  private readonly alarmListeners = new ListenerSet<AlarmFrame>();
  private readonly kpiOrder = new KpiOrder();
  private readonly waiters = new SnapshotWaiters();
  private link: SocketLink | null = null;
  private httpDown = false;
  private headSeq = 0;
  private serverTime: number | null = null;
  private serverSpeed = 1;
  private stopWatchdog: () => void = () => undefined;
  private closed = false;

  constructor(options: LiveConnectionOptions = {}) {
    this.options = resolveLiveOptions(options);
    const { monotonicNow, wallNow, staleAfterBeats } = this.options;
    this.freshness = new FreshnessWatch(monotonicNow, wallNow, staleAfterBeats);
    this.backoff = new Backoff(this.options.timers, RETRY_BASE_MS, this.options.retryMaxMs);
    this.gate = new SubscriptionGate(this.options.ackTimeoutMs, (scope, ack) => this.acceptAck(scope, ack));
    this.follower = new LogFollower(options.scope ?? null, this.options, {
      snapshot: (snapshot) => this.applySnapshot(snapshot),
      events: (events) => this.listeners.events.emit(events),
      caughtUp: () => this.recovered(),
      failed: (error) => this.fail(error),
    });
  }

  onStatus = (listener: (status: ConnectionStatus) => void) => this.listeners.status.add(listener);
  onSnapshot = (listener: (snapshot: Snapshot) => void) => this.listeners.snapshot.add(listener);
  /** Batches of events, in seq order, each exactly once; a batch is one frame or one catch-up page. */
  onEvents = (listener: (events: readonly JinlinEvent[]) => void) => this.listeners.events.add(listener);
  onKpi = (listener: (frame: KpiFrame) => void) => this.listeners.kpi.add(listener);
  onError = (listener: (error: Error) => void) => this.listeners.error.add(listener);
  /** Demo mode's state (tour, scenario, reset), as the server sends it on connect and on every change. */
  onDemo = (listener: (state: DemoState) => void) => this.demoListeners.add(listener);
  /** The active alarms of the token's scope (not the view's), as the server sends them on connect and on every change. */
  onAlarms = (listener: (frame: AlarmFrame) => void) => this.alarmListeners.add(listener);

  /** A presenter command over the socket; rejects with a DemoCommandError when offline or unanswered. */
  requestDemo(request: DemoRequest, timeoutMs = demoAckTimeoutMs(request)): Promise<DemoAck> {
    if (!this.link || this.closed) return Promise.reject(new DemoCommandError('offline', 'the live connection is not open'));
    return this.link.request(request, timeoutMs);
  }

  /** Opens the socket and loads the first snapshot; settles when that snapshot is applied. */
  start(): Promise<void> {
    const ready = this.waiters.next();
    if (this.link || this.closed) return ready;
    this.freshness.heard();
    const { io, baseUrl, socketOptions, timers, watchdogMs } = this.options;
    this.link = new SocketLink(io(baseUrl || undefined, socketOptions), timers, socketOptions.reconnectionDelay ?? RETRY_BASE_MS, {
      up: () => this.retryNow(),
      down: () => {
        this.gate.reset();
        this.emitStatus();
      },
      frame: (frame) => this.acceptFrame(frame),
      kpi: (frame) => this.acceptKpi(frame),
      heartbeat: (beat) => this.acceptHeartbeat(beat),
      reload: () => this.reload(),
      demo: (state) => this.demoListeners.emit(state),
      alarms: (frame) => this.alarmListeners.emit(frame),
    });
    this.stopWatchdog = timers.every(watchdogMs, () => this.emitStatus(true));
    this.work();
    return ready;
  }

  /** Drill-down: a fresh snapshot of `code`, then the server moves the socket to its room. */
  setScope(code: string): Promise<void> {
    if (!isValidScopeCode(code)) return Promise.reject(new Error(`not a region code: "${code}"`));
    const ready = this.waiters.next();
    this.gate.reset();
    this.follower.follow(code);
    this.work();
    return ready;
  }

  /** Replaces the picture with a fresh snapshot (the server asked, or the log was reset). */
  reload(): void {
    this.follower.requestSnapshot();
    this.work();
  }

  close(): void {
    this.closed = true;
    this.follower.close();
    this.backoff.cancelPending();
    this.stopWatchdog();
    this.link?.close();
    this.waiters.clear();
    this.emitStatus();
  }

  get status(): ConnectionStatus {
    const staleSince = this.freshness.staleSince();
    const { hasSnapshot, pending, scope, lastSeq } = this.follower;
    const down = this.link?.state === 'down' || this.httpDown;
    const facts = { closed: this.closed, down, hasSnapshot, stale: staleSince !== null, pending, subscribed: this.gate.subscribed };
    return {
      state: connectionStateOf(facts),
      scope,
      lastSeq,
      headSeq: Math.max(this.headSeq, lastSeq),
      serverTime: this.serverTime,
      serverSpeed: this.serverSpeed,
      staleSince,
      dataAgeMs: this.freshness.ageMs(),
    };
  }

  private work(): void {
    if (!this.closed) void this.follower.run().then(() => this.emitStatus());
    this.emitStatus();
  }

  private subscribe(): void {
    const { scope, hasSnapshot, needSnapshot, lastSeq, logEpoch } = this.follower;
    if (!this.link?.connected || !hasSnapshot || needSnapshot || scope === null) return;
    // With the epoch, a server whose log was reset since answers "reload" instead of replaying.
    this.gate.send(this.link.socket, logEpoch === null ? { scope, afterSeq: lastSeq } : { scope, afterSeq: lastSeq, epoch: logEpoch });
  }

  private acceptFrame(frame: EventFrame): void {
    this.freshness.heard();
    this.follower.offer(frame);
    this.work();
  }

  private acceptAck(scope: string, ack: SubscribeAck | Error): void {
    if (this.closed || scope !== this.follower.scope) return;
    if (ack instanceof Error) return this.subscribe();
    if (!ack.ok) return this.fail(new HttpError(ack.error === 'region_not_found' ? 404 : 500, ack.error, ack.message));
    this.suspectReset(ack.headSeq);
    this.headSeq = ack.headSeq;
    this.freshness.heard();
    this.work();
  }

  private acceptHeartbeat(beat: Heartbeat): void {
    this.freshness.heard(beat.intervalMs);
    this.serverTime = beat.serverTime;
    this.serverSpeed = beat.speed;
    this.headSeq = beat.headSeq;
    const { lastSeq, pending, hasSnapshot, needSnapshot, logEpoch } = this.follower;
    // Another log than the picture's: the reset's reload notice was missed. Frames of the new log
    // may even have chained onto the old seqs, so only a fresh snapshot is right.
    if (hasSnapshot && !needSnapshot && logEpoch !== null && beat.epoch !== logEpoch) return this.reload();
    this.suspectReset(beat.headSeq);
    // Before the ack the socket may still sit in the previous scope's room, whose figures these are.
    if (this.gate.subscribed && !pending && beat.scopeSeq > lastSeq) this.follower.requestCatchUp();
    this.work();
  }

  /**
   * A head behind what this view applied may mean the server came back with another log — or
   * only that a catch-up ran ahead of this frame. A catch-up tells which: it reloads the snapshot
   * if the log no longer reaches lastSeq, and otherwise finds nothing to do.
   */
  private suspectReset(headSeq: number): void {
    if (headSeq < this.follower.lastSeq) this.follower.requestCatchUp();
  }

  private acceptKpi(frame: KpiFrame): void {
    const { scope, hasSnapshot, needSnapshot } = this.follower;
    if (frame.scope === scope && hasSnapshot && !needSnapshot && this.kpiOrder.accept(frame.kpis)) this.listeners.kpi.emit(frame);
  }

  private applySnapshot(snapshot: Snapshot): void {
    this.kpiOrder.reset(snapshot.kpis);
    this.headSeq = Math.max(this.headSeq, snapshot.seq);
    this.recovered();
    this.listeners.snapshot.emit(snapshot);
    this.waiters.resolveAll();
    this.gate.reset();
    this.subscribe();
  }

  private recovered(): void {
    this.backoff.reset();
    this.httpDown = false;
    this.freshness.heard();
  }

  private fail(error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    this.listeners.error.emit(failure);
    if (failure instanceof HttpError && failure.status === 404 && this.follower.scope !== null) return this.abandonScope(failure);
    this.httpDown = isServiceDown(failure);
    this.backoff.schedule(() => this.retryNow());
    this.emitStatus();
  }

  /**
   * The server knows no such region: the switch fails and the screen goes back to what it showed,
   * or to the county if the shown region itself is gone (a server restarted with another county).
   */
  private abandonScope(error: HttpError): void {
    this.waiters.rejectAll(error);
    this.gate.reset();
    this.follower.follow(this.follower.fallbackScope());
    // The gate was reset for the refused region: the socket must be subscribed again to the one shown.
    this.retryNow();
  }

  /** Retries now: after a back-off, or when the socket is back (so, probably, is the API). */
  private retryNow(): void {
    this.backoff.cancelPending();
    if (!this.gate.subscribed) this.subscribe();
    this.work();
  }

  private emitStatus(force = false): void {
    this.listeners.emitStatus(this.status, force);
  }
}
