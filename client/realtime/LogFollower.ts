import { MAX_REPLAY_EVENTS, type EventFrame } from '../../shared/contract/socket';
import type { Snapshot } from '../../shared/contract/snapshot';
import type { JinlinEvent } from '../../shared/domain/event';
import { isInScope } from '../../shared/logic/scope';
import { fetchEventsPage } from '../api/fetchEventsPage';
import { fetchSnapshot } from '../api/fetchSnapshot';
import { FrameInbox } from './FrameInbox';
import type { FetchLike } from '../api/getJson';
import type { RequestContext } from '../api/RequestContext';

export interface LogFollowerHooks {
  snapshot(snapshot: Snapshot): void;
  /** In seq order, each event exactly once, never with a gap before it. */
  events(events: readonly JinlinEvent[]): void;
  /** A catch-up reached the end of the log: the view is proven current. */
  caughtUp(): void;
  /** A step failed; the follower stops until run() is called again. */
  failed(error: unknown): void;
}

export interface LogFollowerOptions {
  fetch: FetchLike;
  baseUrl: string;
  pageLimit: number;
  /** The bearer token to send, read at each request (it may be renewed); undefined = anonymous. */
  token: () => string | undefined;
  /** A request that has not answered by then is abandoned (a half-open connection must not stall the view). */
  requestTimeoutMs: number;
  /** Further behind than this and a fresh snapshot is cheaper than replaying. */
  maxCatchUpEvents?: number;
}

/**
 * Keeps one scope's view in step with the log: snapshot first, then events strictly by seq.
 * Frames are offered as they arrive; a frame whose prevSeq is newer than the last applied seq
 * proves a gap, which is filled from /events before anything after it is applied. Work runs
 * one step at a time, so frames arriving meanwhile wait in the inbox. A scope switch starts a
 * new generation: answers that arrive for an older one are dropped, never applied. The log itself
 * has an epoch (a reset starts another): a page from another epoch than the snapshot's means
 * the snapshot is of a world that no longer exists, so it is reloaded instead of extended.
 */
export class LogFollower {
  scope: string | null;
  /** The scope of the snapshot applied last: what the screen shows while another one loads. */
  shownScope: string | null = null;
  lastSeq = 0;
  hasSnapshot = false;
  needSnapshot = true;
  needCatchUp = false;
  /** The log epoch of the snapshot applied last; sent when subscribing, checked on every page. */
  logEpoch: string | null = null;
  private generation = 0;
  private busy = false;
  /** lastSeq at the end of the last complete catch-up: a gap still open there means the API lags. */
  private caughtUpAt = -1;
  private readonly inbox = new FrameInbox();
  private abort = new AbortController();

  constructor(
    scope: string | null,
    private readonly options: LogFollowerOptions,
    private readonly hooks: LogFollowerHooks,
  ) {
    this.scope = scope;
  }

  /** Whether the view waits on a snapshot or a catch-up. */
  get pending(): boolean {
    return this.needSnapshot || this.needCatchUp;
  }

  /** Follows another scope from a fresh snapshot; work in flight for the old one is abandoned. */
  follow(scope: string | null): void {
    this.generation++;
    this.abort.abort();
    this.abort = new AbortController();
    this.scope = scope;
    this.inbox.clear();
    this.needSnapshot = true;
    this.needCatchUp = false;
    this.caughtUpAt = -1;
  }

  /** Where to go when the followed scope turns out not to exist: back to the shown one, else the county. */
  fallbackScope(): string | null {
    return this.shownScope !== this.scope ? this.shownScope : null;
  }

  offer(frame: EventFrame): void {
    // During a switch the socket still gets the old room's frames until the server moves it.
    if (this.scope === null || !isInScope(frame.event.regionPath, this.scope)) return;
    if (frame.event.seq <= this.lastSeq && !this.needSnapshot) return;
    this.inbox.push(frame);
  }

  /** Checks the log for anything after lastSeq (and whether the log still reaches lastSeq at all). */
  requestCatchUp(): void {
    if (this.hasSnapshot) this.needCatchUp = true;
  }

  requestSnapshot(): void {
    this.needSnapshot = true;
  }

  /** Works until nothing is left to do; a no-op while already working (the loop picks up news). */
  async run(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (;;) {
        const generation = this.generation;
        try {
          if (!(await this.step(generation))) return;
        } catch (error) {
          // An abandoned generation's failure (often its aborted fetch) says nothing about the new one.
          if (generation === this.generation) return this.hooks.failed(error);
        }
      }
    } finally {
      this.busy = false;
    }
  }

  close(): void {
    this.generation++;
    this.abort.abort();
    this.inbox.clear();
  }

  private async step(generation: number): Promise<boolean> {
    if (this.needSnapshot) await this.loadSnapshot(generation);
    else if (this.needCatchUp) await this.catchUp(generation);
    else return this.drainInbox();
    return true;
  }

  private async loadSnapshot(generation: number): Promise<void> {
    const snapshot = await fetchSnapshot(this.request(), this.scope);
    if (generation !== this.generation) return;
    // Frames held from another log would pass for this one's; the subscribe after the snapshot replays.
    if (snapshot.epoch !== this.logEpoch) this.inbox.clear();
    this.logEpoch = snapshot.epoch;
    this.scope = snapshot.scope;
    this.shownScope = snapshot.scope;
    this.lastSeq = snapshot.seq;
    this.hasSnapshot = true;
    this.needSnapshot = false;
    this.needCatchUp = false;
    this.caughtUpAt = -1;
    this.hooks.snapshot(snapshot);
  }

  private async catchUp(generation: number): Promise<void> {
    const limit = this.options.maxCatchUpEvents ?? MAX_REPLAY_EVENTS;
    let fetched = 0;
    for (;;) {
      const query = { after: this.lastSeq, scope: this.scope ?? '', limit: this.options.pageLimit };
      const page = await fetchEventsPage(this.request(), query);
      if (generation !== this.generation) return;
      // Another log (reset to morning), or one that ends before what this view applied (a replaced
      // store): these events do not follow the snapshot on screen.
      if (page.epoch !== this.logEpoch || page.headSeq < this.lastSeq) {
        this.needSnapshot = true;
        return;
      }
      this.deliver(page.events);
      fetched += page.events.length;
      if (!page.hasMore || page.events.length === 0) break;
      if (fetched >= limit) {
        this.needSnapshot = true;
        return;
      }
    }
    this.needCatchUp = false;
    this.caughtUpAt = this.lastSeq;
    this.hooks.caughtUp();
  }

  /** Aborted by a scope switch or by the request timeout, whichever comes first. */
  private request(): RequestContext {
    const { fetch, baseUrl, token, requestTimeoutMs } = this.options;
    const bearer = token();
    return {
      fetch,
      baseUrl,
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(requestTimeoutMs)]),
    };
  }

  /** Applies what chains on; returns whether anything happened (so the loop goes on). */
  private drainInbox(): boolean {
    const { events, gap } = this.inbox.takeReady(this.lastSeq);
    this.deliver(events);
    if (!gap) return events.length > 0;
    this.needCatchUp = true;
    // The socket announced an event the API just said does not exist (e.g. a lagging replica):
    // fail, so the retry comes after a back-off instead of a tight loop of catch-ups.
    if (this.caughtUpAt === this.lastSeq) throw new Error(`the log has no events after seq ${this.lastSeq} yet`);
    return true;
  }

  private deliver(events: readonly JinlinEvent[]): void {
    const fresh = events.filter((event) => event.seq > this.lastSeq);
    if (fresh.length === 0) return;
    this.lastSeq = (fresh.at(-1) as JinlinEvent).seq;
    this.hooks.events(fresh);
  }
}
