import type { EventsPage, Snapshot } from '../../shared/contract/snapshot';
import type { JinlinEvent } from '../../shared/domain/event';
import type { RegionKpis } from '../../shared/domain/kpi';
import type { ReplayEventsQuery } from '../api/fetchReplayEvents';
import { ReplayKpis } from './ReplayKpis';
import { INITIAL_REPLAY_STATE, type ReplayPeriod, type ReplayState } from './ReplayState';

/** The server's replay reads (client/api), with the wall's own token: masking and scope stay the server's. */
export interface ReplaySource {
  snapshot(query: { at: number; scope: string }, signal: AbortSignal): Promise<Snapshot>;
  events(query: ReplayEventsQuery, signal: AbortSignal): Promise<EventsPage>;
}

/** Where the replayed picture goes: the screen's stores, so every view moves as it does live. */
export interface ReplaySink {
  load(snapshot: Snapshot): void;
  apply(events: readonly JinlinEvent[]): void;
  kpis(kpis: RegionKpis): void;
}

/** A monotonic clock in ms and a repeating timer, injected so tests play a replay by hand. */
export interface ReplayClock {
  now(): number;
  every(ms: number, run: () => void): () => void;
}

export interface ReplayPlayerOptions {
  /**
   * How often the clock moves and the stores get the events it passed. A second: at ×600 a step
   * is ten minutes of the past, smooth enough for a wall, and every step redraws map and charts.
   */
  tickMs?: number;
  pageLimit?: number;
  onChange?: (state: ReplayState) => void;
  onError?: (error: unknown) => void;
}

/**
 * Plays a past period of the log onto the stores: the replay snapshot at the start, then the
 * period's events, fetched a page ahead, applied when the replay clock passes their time. The clock
 * runs at `speed` × wall time and never runs ahead of the events it holds (a slow page stalls it
 * rather than skipping), so the picture at replay time t holds every event up to t. A jump loads
 * the replay snapshot there (the server starts it from its nearest checkpoint). Each load starts a
 * generation: answers for an older one are dropped. The KPI figures move with the events, computed
 * by the shared KPI code (ReplayKpis.ts), so panels and the picture always agree.
 */
export class ReplayPlayer {
  private current: ReplayState = INITIAL_REPLAY_STATE;
  private generation = 0;
  private abort = new AbortController();
  private buffer: JinlinEvent[] = [];
  private after = 0;
  private hasMore = false;
  private fetching = false;
  /** Every event up to this time is applied or in the buffer. */
  private knownUntil = 0;
  private anchorAt = 0;
  private anchorMs = 0;
  private kpis: ReplayKpis | null = null;
  private stopTimer: () => void = () => undefined;
  private readonly tickMs: number;
  private readonly pageLimit: number;

  constructor(
    private readonly source: ReplaySource,
    private readonly sink: ReplaySink,
    private readonly clock: ReplayClock,
    private readonly options: ReplayPlayerOptions = {},
  ) {
    this.tickMs = options.tickMs ?? 1000;
    this.pageLimit = options.pageLimit ?? 1000;
  }

  get state(): ReplayState {
    return this.current;
  }

  /** Loads the picture at the period's start and plays from there. */
  async start(period: ReplayPeriod, speed: number, scope: string): Promise<void> {
    const from = Math.min(period.from, period.to);
    this.update({ phase: 'loading', from, to: Math.max(period.from, period.to), at: from, speed, scope });
    await this.loadAt(from, 'playing');
  }

  /** Rebuilds the picture at `at` (clamped to the period) and goes on from there as before. */
  async jump(at: number): Promise<void> {
    const { from, to, phase } = this.current;
    if (phase === 'idle') return;
    const target = Math.min(to, Math.max(from, at));
    this.update({ phase: 'loading', at: target });
    await this.loadAt(target, phase === 'paused' ? 'paused' : 'playing');
  }

  /** Another region (a drill during replay): its picture at the same replay time. */
  async rescope(scope: string): Promise<void> {
    if (this.current.phase === 'idle' || scope === this.current.scope) return;
    this.update({ scope });
    await this.jump(this.current.at);
  }

  setSpeed(speed: number): void {
    this.reanchor();
    this.update({ speed });
  }

  pause(): void {
    if (this.current.phase !== 'playing') return;
    this.tick();
    this.update({ phase: 'paused' });
  }

  play(): void {
    if (this.current.phase !== 'paused') return;
    this.reanchor();
    this.update({ phase: 'playing' });
  }

  /** Ends the replay: timers stop, requests in flight are abandoned, nothing more reaches the sink. */
  stop(): void {
    this.newGeneration();
    this.stopTimer();
    this.update(INITIAL_REPLAY_STATE);
  }

  private newGeneration(): number {
    this.abort.abort();
    this.abort = new AbortController();
    this.buffer = [];
    this.fetching = false;
    this.kpis = null;
    return ++this.generation;
  }

  private async loadAt(at: number, then: 'playing' | 'paused'): Promise<void> {
    const generation = this.newGeneration();
    this.stopTimer();
    const snapshot = await this.source.snapshot({ at, scope: this.current.scope }, this.abort.signal);
    if (generation !== this.generation) return;
    this.sink.load(snapshot);
    this.kpis = new ReplayKpis(snapshot);
    this.after = snapshot.seq;
    this.hasMore = true;
    this.knownUntil = at;
    this.reanchor(at);
    this.update({ phase: then, at, scope: snapshot.scope, appliedSeq: snapshot.seq, kpisAt: at, loadedAtMs: this.clock.now() });
    void this.fetchMore();
    this.stopTimer = this.clock.every(this.tickMs, () => this.tick());
  }

  private reanchor(at = this.current.at): void {
    this.anchorAt = at;
    this.anchorMs = this.clock.now();
  }

  /** Moves the replay clock, applies what it passed, keeps a page ahead and the KPIs fresh. */
  private tick(): void {
    if (this.current.phase !== 'playing') return;
    const { to, speed } = this.current;
    const wanted = Math.min(to, this.anchorAt + (this.clock.now() - this.anchorMs) * speed);
    const at = Math.min(wanted, this.knownUntil);
    // Waiting on a page: hold the clock where the known events end instead of running past them.
    if (at < wanted) this.reanchor(at);
    const due = this.buffer.findIndex((event) => event.at > at);
    const batch = due === -1 ? this.buffer.splice(0) : this.buffer.splice(0, due);
    if (batch.length > 0) this.sink.apply(batch);
    this.kpis?.apply(batch);
    const appliedSeq = batch.at(-1)?.seq ?? this.current.appliedSeq;
    if (this.buffer.length < this.pageLimit / 2 && this.hasMore) void this.fetchMore();
    const ended = at >= to && !this.hasMore && this.buffer.length === 0;
    if (this.kpis) this.sink.kpis(this.kpis.read(at));
    if (ended) this.stopTimer();
    this.update({ phase: ended ? 'ended' : 'playing', at, appliedSeq, kpisAt: at });
  }

  private async fetchMore(): Promise<void> {
    if (this.fetching || !this.hasMore) return;
    const generation = this.generation;
    this.fetching = true;
    try {
      const { to, scope } = this.current;
      const page = await this.source.events({ after: this.after, to, scope, limit: this.pageLimit }, this.abort.signal);
      if (generation !== this.generation) return;
      this.buffer.push(...page.events.filter((event) => event.seq > this.after));
      this.after = Math.max(this.after, page.nextAfter);
      this.hasMore = page.hasMore && page.events.length > 0;
      this.knownUntil = this.hasMore ? (page.events.at(-1)?.at ?? this.knownUntil) : to;
    } catch (error) {
      // The next tick asks again; a replay survives a lost request.
      if (generation === this.generation) this.options.onError?.(error);
    } finally {
      if (generation === this.generation) this.fetching = false;
    }
  }

  private update(patch: Partial<ReplayState>): void {
    this.current = { ...this.current, ...patch };
    this.options.onChange?.(this.current);
  }
}
