import type { Snapshot } from '../../shared/contract/snapshot';
import type { JinlinEvent } from '../../shared/domain/event';
import type { Incident } from '../../shared/domain/incident';
import type { RegionKpis } from '../../shared/domain/kpi';
import type { Station } from '../../shared/domain/station';
import type { CheckIn } from '../../shared/domain/volunteer';
import type { Wish } from '../../shared/domain/wish';
import { applyEvent } from '../../shared/logic/applyEvent';
import { entityRefOf } from '../../shared/logic/entityRef';
import { createEntityState, type EntityState } from '../../shared/logic/entityState';
import type { KpiBook } from '../../shared/logic/kpi/kpiBook';
import { kpiOnCheckIn } from '../../shared/logic/kpi/kpiOnCheckIn';
import { kpiOnIncident } from '../../shared/logic/kpi/kpiOnIncident';
import { kpiOnStation } from '../../shared/logic/kpi/kpiOnStation';
import { kpiOnWish } from '../../shared/logic/kpi/kpiOnWish';
import { readKpis } from '../../shared/logic/kpi/readKpis';
import { rebuildKpis } from '../../shared/logic/kpi/rebuildKpis';
import { tickKpis } from '../../shared/logic/kpi/tickKpis';

const roundHours = (hours: number): number => Math.round(hours * 1000) / 1000;

/**
 * The KPI figures of a replayed scope, kept exactly as the server keeps live ones: a book rebuilt
 * from the replay snapshot's entities (rebuildKpis), moved by each event through the shared reducer
 * and the same KPI hooks LiveState calls (kpiOnIncident, …), read with readKpis at the replay time.
 *
 * A snapshot carries what a screen draws, which is everything these figures count except two
 * all-time or monthly totals: wishes fulfilled before today and check-outs earlier this month are
 * not in it. Those two start from the snapshot's own (server-computed) figures and move by the
 * events; the month's hours start afresh once the replay crosses into another month. The screen's
 * store is not used: it compacts closed incidents into heat points, which the figures still count.
 */
export class ReplayKpis {
  private readonly entities: EntityState;
  private readonly book: KpiBook;
  private readonly fulfilledBefore: number;
  private readonly hoursMonthBefore: number;
  private readonly monthStartMs: number;

  constructor(private readonly snapshot: Snapshot) {
    const entities = createEntityState(snapshot.stations, snapshot.seq);
    for (const incident of snapshot.incidents) entities.incidents.set(incident.id, incident);
    for (const checkin of snapshot.checkins) entities.checkins.set(checkin.id, checkin);
    for (const wish of snapshot.wishes) entities.wishes.set(wish.id, wish);
    this.entities = entities;
    this.book = rebuildKpis([snapshot.region], entities, snapshot.at);
    this.monthStartMs = this.book.monthStartMs;
    const mine = readKpis(this.book, snapshot.scope, snapshot.seq, snapshot.at);
    this.fulfilledBefore = snapshot.kpis.wishes.fulfilled - mine.wishes.fulfilled;
    this.hoursMonthBefore = snapshot.kpis.volunteers.hoursMonth - mine.volunteers.hoursMonth;
  }

  /** Events in seq order, as the stores get them. */
  apply(events: readonly JinlinEvent[]): void {
    for (const event of events) {
      if (event.seq <= this.entities.seq) continue;
      const ref = entityRefOf(event);
      const before = this.entities[ref.collection].get(ref.id);
      applyEvent(this.entities, event);
      const after = this.entities[ref.collection].get(ref.id);
      if (after) this.count(ref.collection, before, after, event.at);
    }
  }

  /** The figures at replay time `at` (overdue, the hour buckets and "today" follow the replay clock). */
  read(at: number): RegionKpis {
    tickKpis(this.book, at);
    const kpis = readKpis(this.book, this.snapshot.scope, this.entities.seq, at);
    const sameMonth = this.book.monthStartMs === this.monthStartMs;
    return {
      ...kpis,
      wishes: { ...kpis.wishes, fulfilled: kpis.wishes.fulfilled + this.fulfilledBefore },
      volunteers: { ...kpis.volunteers, hoursMonth: roundHours(kpis.volunteers.hoursMonth + (sameMonth ? this.hoursMonthBefore : 0)) },
    };
  }

  private count(collection: string, before: unknown, after: unknown, at: number): void {
    if (collection === 'incidents') kpiOnIncident(this.book, before as Incident | undefined, after as Incident, at);
    else if (collection === 'stations') kpiOnStation(this.book, before as Station | undefined, after as Station);
    else if (collection === 'checkins') kpiOnCheckIn(this.book, before as CheckIn | undefined, after as CheckIn, at);
    else kpiOnWish(this.book, before as Wish | undefined, after as Wish);
  }
}
