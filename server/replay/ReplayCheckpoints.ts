import type { JinlinEvent } from '../../shared/domain/event';
import type { Station } from '../../shared/domain/station';
import { applyEvent, pruneEntities } from '../../shared/logic/applyEvent';
import { createEntityState, type EntityState } from '../../shared/logic/entityState';
import { HOUR_MS } from '../../shared/logic/shanghaiTime';
import { retainSince } from '../live/LiveState';
import type { EventStore } from '../store/EventStore';

/** The entities as the log defined them after `seq`; `at` is the newest event time folded so far. */
export interface Checkpoint {
  seq: number;
  at: number;
  entities: EntityState;
}

export interface CheckpointOptions {
  /** A checkpoint at least this often in simulated time (each one copies the retained entity maps)… */
  everyMs: number;
  /** …and at least every this many events, so a busy hour still replays quickly. */
  everyEvents: number;
  /** Events read from the store per page while folding. */
  pageSize: number;
}

export const DEFAULT_CHECKPOINTS: CheckpointOptions = { everyMs: 6 * HOUR_MS, everyEvents: 20_000, pageSize: 5000 };

/** A copy that shares the entity objects: applyEvent replaces entities, never mutates them. */
export const copyEntities = (state: EntityState): EntityState => ({
  seq: state.seq,
  incidents: new Map(state.incidents),
  stations: new Map(state.stations),
  checkins: new Map(state.checkins),
  wishes: new Map(state.wishes),
});

/**
 * Node-local checkpoints of the log, kept in memory and rebuilt from the log (the store stays as
 * it is, on SQLite and PostgreSQL alike): the log is folded through the same reducer as LiveState,
 * pruned with LiveState's retention, and copied every simulated hour or every N events. A jump
 * starts from the nearest checkpoint, never from seq 1. Built on first use, extended on each use;
 * a new log epoch ("reset to morning") starts over.
 */
export class ReplayCheckpoints {
  private checkpoints: Checkpoint[] = [];
  private tail!: Checkpoint;
  private epoch = '';
  private sinceCheckpoint = 0;
  /** Time of the first event folded since the last checkpoint. */
  private windowStartAt = 0;
  private catching: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly stations: readonly Station[],
    private readonly options: CheckpointOptions = DEFAULT_CHECKPOINTS,
  ) {
    this.restart();
  }

  private restart(): void {
    this.epoch = this.store.epoch();
    this.tail = { seq: 0, at: Number.NEGATIVE_INFINITY, entities: createEntityState(this.stations, 0) };
    this.checkpoints = [{ ...this.tail, entities: copyEntities(this.tail.entities) }];
    this.sinceCheckpoint = 0;
  }

  /** Folds whatever the log holds beyond the last fold; concurrent callers share one pass. */
  catchUp(): Promise<void> {
    this.catching = this.catching.then(() => this.fold());
    return this.catching;
  }

  private async fold(): Promise<void> {
    if (this.store.epoch() !== this.epoch) this.restart();
    for (;;) {
      const page = await this.store.readEvents({ afterSeq: this.tail.seq, limit: this.options.pageSize });
      for (const event of page) this.foldOne(event);
      if (page.length < this.options.pageSize) return;
    }
  }

  private foldOne(event: JinlinEvent): void {
    const due = this.sinceCheckpoint >= this.options.everyEvents || event.at >= this.windowStartAt + this.options.everyMs;
    if (due && this.sinceCheckpoint > 0) this.checkpoint();
    if (this.sinceCheckpoint === 0) this.windowStartAt = event.at;
    applyEvent(this.tail.entities, event);
    this.tail.seq = event.seq;
    this.tail.at = Math.max(this.tail.at, event.at);
    this.sinceCheckpoint++;
  }

  private checkpoint(): void {
    const { at, seq, entities } = this.tail;
    // What LiveState would still hold at that moment: everything today's and this month's figures need.
    pruneEntities(entities, at, at - retainSince(at));
    this.checkpoints.push({ seq, at, entities: copyEntities(entities) });
    this.sinceCheckpoint = 0;
  }

  /** The newest checkpoint whose events all happened at or before `at` (the log's first if none). */
  nearest(at: number): Checkpoint {
    let low = 0;
    let high = this.checkpoints.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.checkpoints[middle]!.at <= at) low = middle;
      else high = middle - 1;
    }
    return this.checkpoints[low]!;
  }

  /**
   * Entities of the first checkpoint at or after `at` (the newest fold if none): it still holds
   * every record an event up to `at` refers to, for scrubbing names out of past events.
   */
  holding(at: number): EntityState {
    return this.checkpoints.find((c) => c.at >= at)?.entities ?? this.tail.entities;
  }

  get count(): number {
    return this.checkpoints.length;
  }

  get foldedSeq(): number {
    return this.tail.seq;
  }

  get logEpoch(): string {
    return this.epoch;
  }
}
