import type { JinlinEvent } from '../../../shared/domain/event';
import { StoreUnavailableError } from '../../errors';
import type { LiveState } from '../../live/LiveState';
import { PgListener } from './PgListener';
import type { CommitFollower, PostgresEventStore } from './PostgresEventStore';

export interface LogTailerDeps {
  store: PostgresEventStore;
  live: LiveState;
  now: () => number;
  /** Each batch once applied to live state, in seq order (realtime fan-out, alarms). */
  onApplied: (result: ReturnType<LiveState['apply']>) => void;
  /** A token revoked through any node. */
  onRevoked: (jti: string) => void;
  /** Another node reset the log: screens are held before live state empties and told to reload after. */
  onRemoteReset: { before: () => void; after: () => void };
  /** Reading the log stopped or started working again (screens go stale while it does not). */
  onHealth?: (healthy: boolean) => void;
  /** Safety net under the notifications: a missed NOTIFY costs at most this much latency. */
  pollMs?: number;
}

const READ_LIMIT = 1000;
/** How long a commit waits for the tail to reach it before answering 503 (it is durable either way). */
const REACH_TIMEOUT_MS = 3000;

/**
 * Every node's one way into live state in postgres mode: it reads `seq > live.headSeq` in order
 * (the log is the truth), woken by NOTIFY and by a poll. A node's own commits hand their events
 * over directly (with any earlier ones it had not applied), so they apply without a round trip and
 * never twice: LiveState skips seqs it already has, and ingest's own apply then finds nothing new.
 */
export class LogTailer implements CommitFollower {
  private readonly listener: PgListener;
  private pumping = false;
  private again = false;
  private poller: NodeJS.Timeout | undefined;
  private revocationPoller: NodeJS.Timeout | undefined;
  private waiters: { seq: number; epoch: string; resolve: () => void }[] = [];
  private readonly retired = new Set<string>();
  private knownEpoch: string;
  private lastReadOk = true;
  private reportedHealthy = true;
  /** Revocations already passed on: the poll reports only new ones. */
  private readonly revoked = new Set<string>();

  constructor(private readonly deps: LogTailerDeps) {
    this.knownEpoch = deps.live.epoch;
    this.listener = new PgListener(deps.store.clientConfig, deps.store.channel, (payload) => this.notified(payload));
  }

  start(): void {
    this.deps.store.follow(this);
    this.listener.start();
    this.poller = setInterval(() => this.wake(), this.deps.pollMs ?? 1000);
    this.revocationPoller = setInterval(() => void this.pollRevocations(), 10_000);
    this.wake();
  }

  /** Reading the log works and wake-ups arrive: what readiness reports in postgres mode. */
  get healthy(): boolean {
    return this.lastReadOk && this.listener.connected;
  }

  appliedSeq(): number {
    return this.deps.live.headSeq;
  }

  async committed(epoch: string, afterSeq: number, events: JinlinEvent[]): Promise<void> {
    const { live } = this.deps;
    this.noticeLocalReset();
    if (epoch === live.epoch && afterSeq <= live.headSeq) this.applyInOrder(events);
    const target = events.at(-1)?.seq ?? 0;
    if (live.headSeq >= target || epoch !== live.epoch) return;
    this.wake();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new StoreUnavailableError('committed, but the log cannot be read back yet; retry with the same Idempotency-Key', 1));
      }, REACH_TIMEOUT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ seq: target, epoch, resolve: done });
    });
  }

  wake(): void {
    this.again = true;
    if (!this.pumping) void this.pump();
  }

  private reportHealth(): void {
    const healthy = this.healthy;
    if (healthy === this.reportedHealthy) return;
    this.reportedHealthy = healthy;
    this.deps.onHealth?.(healthy);
  }

  private notified(payload: string): void {
    if (payload.startsWith('revoke:')) this.revokedNow(payload.slice('revoke:'.length));
    else this.wake();
    if (payload === 'reconnected') void this.pollRevocations();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.again) {
        this.again = false;
        this.noticeLocalReset();
        const { live, store } = this.deps;
        const read = await store.readTail(live.headSeq, READ_LIMIT);
        this.lastReadOk = true;
        this.reportHealth();
        this.noticeLocalReset();
        if (read.epoch === live.epoch) {
          this.applyInOrder(read.events);
          if (read.events.length === READ_LIMIT) this.again = true;
        } else if (!this.retired.has(read.epoch) && read.epoch !== store.epoch()) {
          await this.followRemoteReset(read.epoch);
        }
      }
    } catch {
      // PostgreSQL is away: live state keeps serving what it has; the poll tries again.
      this.lastReadOk = false;
      this.reportHealth();
    } finally {
      this.pumping = false;
    }
  }

  /** The leader's reset empties live state itself; its old epoch must never be followed again. */
  private noticeLocalReset(): void {
    const current = this.deps.live.epoch;
    if (current === this.knownEpoch) return;
    this.retired.add(this.knownEpoch);
    this.knownEpoch = current;
    this.settleWaiters();
  }

  private async followRemoteReset(epoch: string): Promise<void> {
    const { live, store, onRemoteReset, now } = this.deps;
    onRemoteReset.before();
    try {
      store.adoptEpoch(epoch);
      live.reset(now(), epoch);
      this.noticeLocalReset();
      for (;;) {
        const read = await store.readTail(live.headSeq, READ_LIMIT);
        if (read.epoch !== epoch) break;
        this.applyInOrder(read.events);
        if (read.events.length < READ_LIMIT) break;
      }
      live.rebuildKpis(now());
    } finally {
      onRemoteReset.after();
    }
  }

  /** Applies the events after live state's head, only while they run on from it without a hole. */
  private applyInOrder(events: readonly JinlinEvent[]): void {
    const { live } = this.deps;
    const fresh: JinlinEvent[] = [];
    let next = live.headSeq + 1;
    for (const event of events) {
      if (event.seq < next) continue;
      if (event.seq !== next) break;
      fresh.push(event);
      next++;
    }
    if (fresh.length === 0) return;
    const result = live.apply(fresh, this.deps.now());
    try {
      this.deps.onApplied(result);
    } catch (error) {
      console.error('fan-out failed after apply', error);
    }
    this.settleWaiters();
  }

  private settleWaiters(): void {
    const { live } = this.deps;
    const ready = this.waiters.filter((w) => w.epoch !== live.epoch || w.seq <= live.headSeq);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve();
  }

  private revokedNow(jti: string): void {
    if (this.revoked.has(jti)) return;
    this.revoked.add(jti);
    this.deps.onRevoked(jti);
  }

  private async pollRevocations(): Promise<void> {
    try {
      for (const jti of await this.deps.store.loadRevocations(Date.now())) this.revokedNow(jti);
    } catch {
      // Away: the next poll or reconnect loads them.
    }
  }

  async close(): Promise<void> {
    clearInterval(this.poller);
    clearInterval(this.revocationPoller);
    this.deps.store.follow(null);
    await this.listener.close();
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
  }
}
