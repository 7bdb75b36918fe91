import { describe, expect, it } from 'vitest';
import type { JinlinEvent, NewEvent } from '../../../shared/domain/event';
import { applyEvent } from '../../../shared/logic/applyEvent';
import { createEntityState, type EntityState } from '../../../shared/logic/entityState';
import { readKpis } from '../../../shared/logic/kpi/readKpis';
import { rebuildKpis } from '../../../shared/logic/kpi/rebuildKpis';
import { ReplayKpis } from '../../../client/replay/ReplayKpis';
import { buildSnapshot } from '../../../server/live/buildSnapshot';
import { CountyIndex, type CountyData } from '../../../server/county/CountyIndex';
import { COUNTY, GRID_A1A, GRID_B1A, LOCAL_MIDNIGHT, makeCheckIn, makeIncident, makeWish, MINUTE_MS, REGIONS, STREET_A, T0 } from '../../shared/logic/kpi/kpiFixtures';

const DAY_MS = 24 * 60 * MINUTE_MS;
const county = new CountyIndex({ regions: REGIONS, features: {}, stations: [] } as unknown as CountyData, () => null);

/** The log of the example below, stamped with seqs. */
const logOf = (events: readonly NewEvent[]): JinlinEvent[] => events.map((event, i) => ({ ...event, seq: i + 1 }) as JinlinEvent);
const event = (type: NewEvent['type'], at: number, regionCode: string, payload: unknown): NewEvent =>
  ({ id: `ev-${type}-${at}`, type, at, regionPath: county.get(regionCode)!.path, payload }) as NewEvent;
const transition = (type: NewEvent['type'], at: number, incidentId: string, from: string, to: string) =>
  event(type, at, GRID_A1A, { incidentId, from, to, level: 'grid' });

/**
 * Before the snapshot (T0 = 22:00 on the last day of a month): a wish fulfilled yesterday and a
 * check-out yesterday, which a snapshot no longer carries; open work tonight. After it: the
 * evening goes on across midnight into the next month.
 */
const LOG = logOf([
  event('wish:posted', T0 - 2 * DAY_MS, STREET_A, { wish: makeWish('w-old', STREET_A, T0 - 2 * DAY_MS) }),
  event('wish:fulfilled', T0 - DAY_MS, STREET_A, { wishId: 'w-old' }),
  event('volunteer:checkedIn', T0 - DAY_MS, GRID_B1A, { checkin: makeCheckIn('c-old', GRID_B1A, T0 - DAY_MS) }),
  event('volunteer:checkedOut', T0 - DAY_MS + 120 * MINUTE_MS, GRID_B1A, { checkinId: 'c-old', hours: 2, points: 2 }),
  event('incident:reported', T0 - 90 * MINUTE_MS, GRID_A1A, { incident: makeIncident('i1', GRID_A1A, T0 - 90 * MINUTE_MS) }),
  event('wish:posted', T0 - 60 * MINUTE_MS, STREET_A, { wish: makeWish('w2', STREET_A, T0 - 60 * MINUTE_MS) }),
  // The snapshot is taken at T0.
  transition('incident:accepted', T0 + 10 * MINUTE_MS, 'i1', 'reported', 'accepted'),
  event('incident:reported', T0 + 30 * MINUTE_MS, GRID_A1A, { incident: makeIncident('i2', GRID_A1A, T0 + 30 * MINUTE_MS) }),
  event('wish:fulfilled', T0 + 40 * MINUTE_MS, STREET_A, { wishId: 'w2' }),
  event('volunteer:checkedIn', T0 + 50 * MINUTE_MS, GRID_B1A, { checkin: makeCheckIn('c2', GRID_B1A, T0 + 50 * MINUTE_MS) }),
  event('volunteer:checkedOut', LOCAL_MIDNIGHT + 10 * MINUTE_MS, GRID_B1A, { checkinId: 'c2', hours: 1.333, points: 1 }),
  transition('incident:resolved', LOCAL_MIDNIGHT + 30 * MINUTE_MS, 'i1', 'accepted', 'resolved'),
]);

const foldUntil = (at: number): EntityState => {
  const state = createEntityState();
  for (const e of LOG) if (e.at <= at) applyEvent(state, e);
  return state;
};

/** What the server answers for the county at `at`: the whole log's figures, the picture cut for a display. */
const replaySnapshotAt = (at: number) => {
  const entities = foldUntil(at);
  const kpisOf = (code: string, now: number) => readKpis(rebuildKpis(REGIONS, entities, now), code, entities.seq, now);
  return buildSnapshot({ entities, county, epoch: 'e1', kpisOf } as Parameters<typeof buildSnapshot>[0], county.get(COUNTY)!, 'public', at);
};

describe('the KPI figures of a replay', () => {
  it('start from the replay snapshot’s figures', () => {
    const snapshot = replaySnapshotAt(T0);
    expect(new ReplayKpis(snapshot).read(T0)).toEqual(snapshot.kpis);
  });

  for (const [name, at] of [
    ['later the same evening', T0 + 60 * MINUTE_MS],
    ['after midnight, in the next month', LOCAL_MIDNIGHT + 60 * MINUTE_MS],
  ] as const) {
    it(`move with the replayed events to the log’s own figures ${name}`, () => {
      const kpis = new ReplayKpis(replaySnapshotAt(T0));
      kpis.apply(LOG.filter((e) => e.at > T0 && e.at <= at));
      expect(kpis.read(at)).toEqual(replaySnapshotAt(at).kpis);
    });
  }

  it('count an incident overdue once the replay clock passes its deadline, with no event', () => {
    const kpis = new ReplayKpis(replaySnapshotAt(T0 - 60 * MINUTE_MS));
    expect(kpis.read(T0 - 60 * MINUTE_MS).incidents.overdue).toBe(0);
    expect(kpis.read(T0 - 20 * MINUTE_MS).incidents.overdue).toBe(1);
  });
});
