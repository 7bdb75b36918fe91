import type { JinlinEvent } from '../../shared/domain/event';
import type { RegionKpis } from '../../shared/domain/kpi';
import type { CheckIn } from '../../shared/domain/volunteer';
import type { Incident } from '../../shared/domain/incident';
import type { Station } from '../../shared/domain/station';
import type { Wish } from '../../shared/domain/wish';
import { applyEvent, pruneEntities } from '../../shared/logic/applyEvent';
import { entityRefOf } from '../../shared/logic/entityRef';
import { createEntityState, type EntityState } from '../../shared/logic/entityState';
import { DAY_MS, shanghaiMonthStart } from '../../shared/logic/shanghaiTime';
import type { KpiBook } from '../../shared/logic/kpi/kpiBook';
import { kpiOnCheckIn } from '../../shared/logic/kpi/kpiOnCheckIn';
import { kpiOnIncident } from '../../shared/logic/kpi/kpiOnIncident';
import { kpiOnStation } from '../../shared/logic/kpi/kpiOnStation';
import { kpiOnWish } from '../../shared/logic/kpi/kpiOnWish';
import { readKpis } from '../../shared/logic/kpi/readKpis';
import { rebuildKpis } from '../../shared/logic/kpi/rebuildKpis';
import { tickKpis } from '../../shared/logic/kpi/tickKpis';
import type { CountyIndex } from '../county/CountyIndex';
import type { EventStore } from '../store/EventStore';

export interface AppliedEvent {
  event: JinlinEvent;
  /** prevSeqs[i]: the seq of the previous event inside event.regionPath[i]. */
  prevSeqs: number[];
}

/** Closed items stay in memory this long: the 7-day heat window plus a day of slack. */
export const RETAIN_CLOSED_MS = 8 * DAY_MS;

/** What live state must hold for today's and this month's figures to be exact after a restart. */
export const retainSince = (now: number): number => Math.min(now - RETAIN_CLOSED_MS, shanghaiMonthStart(now));

/**
 * Current entities and KPI aggregates for every region, advanced by committed events in seq order
 * through the same reducer the client uses. Identical on every node that tails the same log.
 */
export class LiveState {
  private kpis: KpiBook;
  /** memberId → id of the member's current check-in: one active check-in per member is a rule of ingest. */
  private readonly onDutyByMember = new Map<string, string>();

  private constructor(
    readonly county: CountyIndex,
    readonly entities: EntityState,
    private readonly lastSeq: Map<string, number>,
    private logEpoch: string,
    now: number,
  ) {
    this.kpis = rebuildKpis([...county.regions()], entities, now);
    for (const checkin of entities.checkins.values()) this.trackDuty(checkin);
  }

  private trackDuty(checkin: CheckIn): void {
    if (checkin.checkedOutAt === undefined) this.onDutyByMember.set(checkin.memberId, checkin.id);
    else if (this.onDutyByMember.get(checkin.memberId) === checkin.id) this.onDutyByMember.delete(checkin.memberId);
  }

  openCheckinIdOf(memberId: string): string | undefined {
    return this.onDutyByMember.get(memberId);
  }

  static async load(store: EventStore, county: CountyIndex, now: number): Promise<LiveState> {
    const since = retainSince(now);
    const entities = createEntityState(county.data.stations, await store.headSeq());
    for (const station of (await store.loadEntities('station', 0)) as Station[]) entities.stations.set(station.id, station);
    for (const incident of (await store.loadEntities('incident', since)) as Incident[]) entities.incidents.set(incident.id, incident);
    for (const checkin of (await store.loadEntities('checkin', since)) as CheckIn[]) entities.checkins.set(checkin.id, checkin);
    // Every wish: the funnel counts them all by status.
    for (const wish of (await store.loadEntities('wish', 0)) as Wish[]) entities.wishes.set(wish.id, wish);
    return new LiveState(county, entities, await store.lastSeqByRegion(), store.epoch(), now);
  }

  get headSeq(): number {
    return this.entities.seq;
  }

  /** The epoch of the log these entities come from: a snapshot's seq means something only within it. */
  get epoch(): string {
    return this.logEpoch;
  }

  /**
   * Applies committed events (in seq order). For each event it returns, per code of its region
   * path, the seq of the previous event in that scope — the chain a screen checks for gaps.
   */
  apply(events: readonly JinlinEvent[], now: number): { applied: AppliedEvent[]; changed: Set<string> } {
    const changed = new Set<string>();
    const applied: AppliedEvent[] = [];
    for (const event of events) {
      if (event.seq <= this.entities.seq) continue;
      const ref = entityRefOf(event);
      const before = this.entities[ref.collection].get(ref.id);
      applyEvent(this.entities, event);
      const after = this.entities[ref.collection].get(ref.id);
      if (after) this.updateKpis(ref.collection, before, after, now);
      const prevSeqs = event.regionPath.map((code) => {
        const prev = this.lastSeq.get(code) ?? 0;
        this.lastSeq.set(code, event.seq);
        changed.add(code);
        return prev;
      });
      applied.push({ event, prevSeqs });
    }
    return { applied, changed };
  }

  private updateKpis(collection: string, before: unknown, after: unknown, now: number): void {
    if (collection === 'incidents') kpiOnIncident(this.kpis, before as Incident | undefined, after as Incident, now);
    else if (collection === 'stations') kpiOnStation(this.kpis, before as Station | undefined, after as Station);
    else if (collection === 'checkins') {
      kpiOnCheckIn(this.kpis, before as CheckIn | undefined, after as CheckIn, now);
      this.trackDuty(after as CheckIn);
    }
    else kpiOnWish(this.kpis, before as Wish | undefined, after as Wish);
  }

  /** Time passing: overdue, hour buckets, midnight. Returns the regions whose figures changed. */
  tick(now: number): Set<string> {
    return tickKpis(this.kpis, now);
  }

  /** Drops closed items past retention so a 24/7 server does not grow without bound. */
  prune(now: number): void {
    pruneEntities(this.entities, now, now - retainSince(now));
  }

  /**
   * Back to an empty log ("reset to morning"): the county's stations as generated, nothing else.
   * In place, because the store, ingest, realtime and routes all hold this very instance.
   */
  reset(now: number, epoch: string): void {
    this.logEpoch = epoch;
    const fresh = createEntityState(this.county.data.stations, 0);
    this.entities.seq = 0;
    for (const key of ['incidents', 'stations', 'checkins', 'wishes'] as const) {
      const map = this.entities[key] as Map<string, unknown>;
      map.clear();
      for (const [id, entity] of fresh[key]) map.set(id, entity);
    }
    this.lastSeq.clear();
    this.onDutyByMember.clear();
    this.rebuildKpis(now);
  }

  /** Rebuilds every aggregate from the entities (after "reset to morning" or a clock jump). */
  rebuildKpis(now: number): void {
    this.kpis = rebuildKpis([...this.county.regions()], this.entities, now);
  }

  kpisOf(code: string, now: number): RegionKpis {
    return readKpis(this.kpis, code, this.entities.seq, now);
  }

  /** Seq of the newest event inside `code` (0 if none): the `prevSeq` a scope's next event chains to. */
  lastSeqOf(code: string): number {
    return this.lastSeq.get(code) ?? 0;
  }
}
