import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '../../shared/contract/http';
import type { JinlinEvent, NewEvent } from '../../shared/domain/event';
import { covers, type Principal } from '../../shared/logic/access';
import { applyEvent } from '../../shared/logic/applyEvent';
import { createEntityState, type EntityState } from '../../shared/logic/entityState';
import type { Clock } from '../clock';
import type { CountyIndex } from '../county/CountyIndex';
import { StoreUnavailableError } from '../errors';
import type { LiveState } from '../live/LiveState';
import type { CommandWrite, EventStore, IdempotencyRecord } from '../store/EventStore';
import { collectionOf, decide, type Command } from './Command';
import type { DecisionView } from './Decision';
import { ownedKey } from './fingerprint';
import { priorAnswer, recordOf, type Keyed } from './idempotency';
import { withOwnIds } from './ownIds';
import { scopedView } from './scopedView';
import { shapeBodyFor } from './shapeOutcome';
import { toEntityRow } from './toEntityRow';

export interface CommandOutcome {
  statusCode: number;
  body: unknown;
  /** Set when the answer is a replay of an earlier request with the same Idempotency-Key. */
  replayed?: boolean;
  retryAfterSeconds?: number;
}

interface Pending extends Keyed {
  /** Who asks; absent for trusted in-process callers (the simulator, adapters). */
  principal: Principal | undefined;
  resolve: (outcome: CommandOutcome) => void;
}

export interface IngestDeps {
  store: EventStore;
  live: LiveState;
  county: CountyIndex;
  clock: Clock;
  /** Called with each committed batch after live state has applied it (realtime fan-out, metrics). */
  onCommitted: (result: ReturnType<LiveState['apply']>) => void;
  newId?: (prefix: string) => string;
}

/** A store that cannot be read (PostgreSQL away) refuses the command like one that cannot write: 503, retry. */
const storeUnavailable = (error: unknown): CommandOutcome => {
  const body: ErrorBody = { statusCode: 503, error: 'store_unavailable', message: (error as Error).message };
  return { statusCode: 503, body, retryAfterSeconds: error instanceof StoreUnavailableError ? error.retryAfterSeconds : 1 };
};

/** Names the caller's own scope only: nothing of the place it tried, which lies in another scope. */
const outOfScope = (principal: Principal): CommandOutcome => {
  const body: ErrorBody = { statusCode: 403, error: 'out_of_scope', message: `this token may act only inside ${principal.scope}` };
  return { statusCode: 403, body };
};

/** Commands queued within one tick are committed in one transaction: one fsync for many writers. */
const MAX_BATCH = 512;
/** A reset takes seconds: a field app should come back after about this long. */
const HELD_RETRY_AFTER_SECONDS = 5;

/**
 * The one path in. Commands are decided in arrival order against live state (plus the earlier
 * commands of the same batch), committed to the store in one transaction, then applied to live
 * state and fanned out. A 2xx is only sent once the batch is on disk.
 */
export class IngestService {
  private queue: Pending[] = [];
  private draining = false;
  private newId: (prefix: string) => string;
  /** While set, callers from outside (HTTP, with a principal) are turned away with this reason. */
  private heldFor: string | null = null;

  constructor(private readonly deps: IngestDeps) {
    this.newId = deps.newId ?? ((prefix) => `${prefix}-${randomUUID()}`);
  }

  /**
   * Where new ids come from from now on. "Reset to morning" installs a seeded source, so that a
   * replayed morning produces the same events, ids included, rehearsal after rehearsal.
   */
  useIds(newId: (prefix: string) => string): void {
    this.newId = newId;
  }

  /**
   * Turns outside callers away (503 with Retry-After) while `reason` is set, e.g. during a reset:
   * a write decided against the old world must not land in the new one. In-process callers
   * (the simulator replaying the morning) still get through.
   */
  holdCallers(reason: string | null): void {
    this.heldFor = reason;
  }

  execute(command: Command, idempotencyKey?: string, principal?: Principal): Promise<CommandOutcome> {
    if (this.heldFor !== null && principal) {
      const body: ErrorBody = { statusCode: 503, error: 'store_unavailable', message: this.heldFor };
      return Promise.resolve({ statusCode: 503, body, retryAfterSeconds: HELD_RETRY_AFTER_SECONDS });
    }
    const owned = withOwnIds(command, principal, this.deps.county.county.code);
    if ('error' in owned) return Promise.resolve({ statusCode: owned.statusCode, body: owned });
    const recordKey = idempotencyKey === undefined ? undefined : ownedKey(principal, idempotencyKey);
    const outcome = new Promise<CommandOutcome>((resolve) => {
      this.queue.push({ command: owned, idempotencyKey, recordKey, principal, resolve });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
    // Fresh or replayed, the answer is shaped for this caller: the stored body is the entity in full.
    return outcome.then((o) => ({ ...o, body: shapeBodyFor(principal, collectionOf(command), o.statusCode, o.body) }));
  }

  /** Resolves when everything queued so far has been committed or refused. */
  async idle(): Promise<void> {
    while (this.draining) await new Promise((r) => setImmediate(r));
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.runBatch(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.draining = false;
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    const now = this.deps.clock.now();
    const overlay = createEntityState();
    const view = this.view(overlay, now);
    const seenKeys = new Map<string, IdempotencyRecord>();
    const writes: CommandWrite[] = [];
    const writers: { pending: Pending; outcome: CommandOutcome }[] = [];
    for (const pending of batch) {
      const prior = await priorAnswer(this.deps.store, pending, seenKeys).catch(storeUnavailable);
      if (prior) {
        pending.resolve(prior);
        continue;
      }
      // A scoped caller decides against its own scope only: what lies outside is absent, so no
      // refusal can reveal it (see scopedView).
      const decision = decide(pending.command, pending.principal ? scopedView(view, pending.principal) : view);
      if (!decision.ok) {
        pending.resolve({ statusCode: decision.error.statusCode, body: decision.error });
        continue;
      }
      // Only a place found from lng/lat can still lie outside (public geography, so a 403 tells nothing).
      const { principal } = pending;
      if (principal && decision.events.some((e) => !covers(principal, e.regionPath))) {
        pending.resolve(outOfScope(principal));
        continue;
      }
      const entity = this.applyToOverlay(overlay, decision.events, decision.subject);
      const outcome = { statusCode: decision.statusCode, body: entity };
      const idempotency = recordOf(pending, outcome, now);
      if (idempotency) seenKeys.set(idempotency.key, idempotency);
      writes.push({ events: decision.events, entities: [toEntityRow(decision.subject.collection, entity)], idempotency });
      writers.push({ pending, outcome });
    }
    await this.commit(writes, writers, now);
  }

  private async commit(writes: CommandWrite[], writers: { pending: Pending; outcome: CommandOutcome }[], now: number) {
    if (writes.length === 0) return;
    let committed: JinlinEvent[][];
    try {
      committed = await this.deps.store.commit(writes);
    } catch (error) {
      const retryAfterSeconds = error instanceof StoreUnavailableError ? error.retryAfterSeconds : 1;
      const body: ErrorBody = { statusCode: 503, error: 'store_unavailable', message: (error as Error).message };
      for (const { pending } of writers) pending.resolve({ statusCode: 503, body, retryAfterSeconds });
      return;
    }
    const result = this.deps.live.apply(committed.flat(), now);
    for (const { pending, outcome } of writers) pending.resolve(outcome);
    try {
      this.deps.onCommitted(result);
    } catch (error) {
      // Fan-out trouble must never undo or block a committed write; screens catch up from the log.
      console.error('fan-out failed after commit', error);
    }
  }

  /** Applies a decision's events to the batch overlay (seeded from live state) and returns the entity after. */
  private applyToOverlay(overlay: EntityState, events: NewEvent[], subject: { collection: keyof Omit<EntityState, 'seq'>; id: string }) {
    const map = overlay[subject.collection] as Map<string, unknown>;
    if (!map.has(subject.id)) {
      const current = (this.deps.live.entities[subject.collection] as Map<string, unknown>).get(subject.id);
      if (current) map.set(subject.id, current);
    }
    for (const event of events) applyEvent(overlay, { ...event, seq: overlay.seq + 1 } as JinlinEvent);
    return map.get(subject.id);
  }

  private view(overlay: EntityState, now: number): DecisionView {
    const { live, county } = this.deps;
    const pick = <K extends 'incidents' | 'stations' | 'checkins' | 'wishes'>(collection: K, id: string) =>
      (overlay[collection].get(id) ?? live.entities[collection].get(id)) as ReturnType<EntityState[K]['get']>;
    return {
      now,
      county,
      newId: this.newId,
      incident: (id) => pick('incidents', id),
      station: (id) => pick('stations', id),
      checkin: (id) => pick('checkins', id),
      wish: (id) => pick('wishes', id),
      region: (code) => county.get(code),
      openCheckinOf: (memberId) => {
        // The batch's own check-ins first (few), then live state's index of members on duty.
        for (const c of overlay.checkins.values()) if (c.memberId === memberId && c.checkedOutAt === undefined) return c;
        const id = live.openCheckinIdOf(memberId);
        const latest = id === undefined ? undefined : pick('checkins', id);
        return latest && latest.checkedOutAt === undefined ? latest : undefined;
      },
    };
  }
}
