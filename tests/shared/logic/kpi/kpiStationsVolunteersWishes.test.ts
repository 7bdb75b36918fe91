import { describe, expect, it } from 'vitest';
import type { CheckIn } from '../../../../shared/domain/volunteer';
import type { Wish } from '../../../../shared/domain/wish';
import { createKpiBook } from '../../../../shared/logic/kpi/kpiBook';
import { kpiOnCheckIn } from '../../../../shared/logic/kpi/kpiOnCheckIn';
import { kpiOnStation } from '../../../../shared/logic/kpi/kpiOnStation';
import { kpiOnWish } from '../../../../shared/logic/kpi/kpiOnWish';
import { readKpis } from '../../../../shared/logic/kpi/readKpis';
import { rebuildKpis } from '../../../../shared/logic/kpi/rebuildKpis';
import { tickKpis } from '../../../../shared/logic/kpi/tickKpis';
import { createEntityState } from '../../../../shared/logic/entityState';
import { HOUR_MS } from '../../../../shared/logic/shanghaiTime';
import {
  COMMUNITY_A,
  COMPOUND_A1,
  COMPOUND_A2,
  COUNTY,
  GRID_A1A,
  GRID_B1A,
  LOCAL_MIDNIGHT,
  makeCheckIn,
  makeStation,
  makeWish,
  REGIONS,
  STREET_A,
  STREET_B,
  T0,
} from './kpiFixtures';

const checkInsOf = (hours: number[]) =>
  new Map(
    hours.map((h, i) => {
      const c = makeCheckIn(`c${i}`, GRID_A1A, T0, { checkedOutAt: T0 + HOUR_MS + i, hours: h });
      return [c.id, c] as const;
    }),
  );

const read = (book: ReturnType<typeof createKpiBook>, code: string) => readKpis(book, code, 0, book.clockMs);

describe('station KPIs', () => {
  it('counts stations by status with their duty staff and visitors, and follows each change', () => {
    const book = createKpiBook(REGIONS, T0);
    const red = makeStation('s1', GRID_A1A, { onDutyCount: 2, visitors: 7 });
    kpiOnStation(book, undefined, red);
    kpiOnStation(book, undefined, makeStation('s2', GRID_B1A, { status: 'closed', onDutyCount: 0 }));
    const county = read(book, COUNTY).stations;
    expect(county).toEqual({ total: 2, open: 1, extended: 0, closed: 1, fault: 0, onDuty: 2, visitors: 7 });

    kpiOnStation(book, red, { ...red, status: 'extended', onDutyCount: 1, visitors: 12 });
    const street = read(book, STREET_A).stations;
    expect(street).toEqual({ total: 1, open: 0, extended: 1, closed: 0, fault: 0, onDuty: 1, visitors: 12 });
    expect(read(book, STREET_B).stations).toMatchObject({ total: 1, closed: 1, visitors: 0 });
  });

  it('counts a station attached to a community in the community and above, not in any compound', () => {
    const book = createKpiBook(REGIONS, T0);
    kpiOnStation(book, undefined, makeStation('centre', COMMUNITY_A, { type: 'party_service_center' }));
    expect([COUNTY, STREET_A, COMMUNITY_A].map((c) => read(book, c).stations.total)).toEqual([1, 1, 1]);
    expect([COMPOUND_A1, COMPOUND_A2].map((c) => read(book, c).stations.total)).toEqual([0, 0]);
  });
});

describe('volunteer KPIs', () => {
  it('keeps a member on duty from check-in to check-out and then credits the hours today and this month', () => {
    const book = createKpiBook(REGIONS, T0);
    const open = makeCheckIn('c1', GRID_A1A, T0);
    kpiOnCheckIn(book, undefined, open, T0);
    expect(read(book, COUNTY).volunteers).toEqual({ onDuty: 1, checkinsToday: 1, hoursToday: 0, hoursMonth: 0 });

    const outAt = T0 + 90 * 60_000;
    const closed: CheckIn = { ...open, checkedOutAt: outAt, hours: 1.5, points: 15 };
    kpiOnCheckIn(book, open, closed, outAt);
    expect(read(book, GRID_A1A).volunteers).toEqual({ onDuty: 0, checkinsToday: 1, hoursToday: 1.5, hoursMonth: 1.5 });
  });

  it('sums check-out hours exactly however often they are counted out and back in', () => {
    const book = createKpiBook(REGIONS, T0);
    const hours = [0.1, 0.2, 0.7, 1 / 3];
    hours.forEach((h, i) => {
      const open = makeCheckIn(`c${i}`, GRID_A1A, T0);
      // Stamped ahead of the book's hour, so the next hour boundary counts them out and back in.
      kpiOnCheckIn(book, undefined, open, T0);
      kpiOnCheckIn(book, open, { ...open, checkedOutAt: T0 + HOUR_MS + i, hours: h }, T0);
    });
    const now = T0 + HOUR_MS + 10;
    tickKpis(book, now);
    const rebuilt = rebuildKpis(REGIONS, { ...createEntityState(), checkins: checkInsOf(hours) }, now);
    expect(read(book, COUNTY).volunteers).toEqual(read(rebuilt, COUNTY).volunteers);
    expect(read(book, COUNTY).volunteers.hoursToday).toBe(1.333);
  });

  it('restarts hours today at local midnight and hours this month when the local month turns', () => {
    // T0 is the evening of 31 March in Shanghai, so its local midnight also starts April.
    const book = createKpiBook(REGIONS, T0);
    const open = makeCheckIn('c1', GRID_A1A, T0);
    kpiOnCheckIn(book, undefined, open, T0);
    kpiOnCheckIn(book, open, { ...open, checkedOutAt: T0 + HOUR_MS, hours: 1 }, T0 + HOUR_MS);
    const midDay = makeCheckIn('c2', GRID_A1A, LOCAL_MIDNIGHT - 3 * 24 * HOUR_MS, {
      checkedOutAt: LOCAL_MIDNIGHT - 3 * 24 * HOUR_MS + HOUR_MS,
      hours: 2.25,
    });
    kpiOnCheckIn(book, undefined, midDay, T0 + HOUR_MS);
    expect(read(book, COUNTY).volunteers).toMatchObject({ hoursToday: 1, hoursMonth: 3.25, checkinsToday: 1 });

    const changed = tickKpis(book, LOCAL_MIDNIGHT + 1);
    expect(changed.has(GRID_A1A)).toBe(true);
    expect(read(book, COUNTY).volunteers).toEqual({ onDuty: 0, checkinsToday: 0, hoursToday: 0, hoursMonth: 0 });
  });
});

describe('wish KPIs', () => {
  it('counts wishes by their current status', () => {
    const book = createKpiBook(REGIONS, T0);
    const posted = makeWish('w1', GRID_A1A, T0);
    kpiOnWish(book, undefined, posted);
    kpiOnWish(book, undefined, makeWish('w2', COMMUNITY_A, T0));
    const claimed: Wish = { ...posted, status: 'claimed', claimerName: '王五', claimedAt: T0 + 1 };
    kpiOnWish(book, posted, claimed);
    expect(read(book, STREET_A).wishes).toEqual({ posted: 1, claimed: 1, fulfilled: 0 });

    kpiOnWish(book, claimed, { ...claimed, status: 'fulfilled', fulfilledAt: T0 + 2 });
    expect(read(book, COUNTY).wishes).toEqual({ posted: 1, claimed: 0, fulfilled: 1 });
    expect(read(book, COMPOUND_A1).wishes).toEqual({ posted: 0, claimed: 0, fulfilled: 1 });
  });
});
