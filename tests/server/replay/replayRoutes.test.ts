import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventsPage, Snapshot } from '../../../shared/contract/snapshot';
import type { Incident } from '../../../shared/domain/incident';
import type { JinlinEvent } from '../../../shared/domain/event';
import { createClock } from '../../../server/clock';
import { ReplayCheckpoints } from '../../../server/replay/ReplayCheckpoints';
import { pictureAt } from '../../../server/replay/pictureAt';
import { HOUR_MS } from '../../../shared/logic/shanghaiTime';
import { startTestServer, testCounty, type TestServer } from '../helpers/testServer';
import { GANZHE_STREET, SHANGJIE_TOWN, gridIn, incidentAt } from '../helpers/fixtures';

/** 2026-11-20 08:00 Shanghai. */
const MORNING = Date.UTC(2026, 10, 20, 0, 0);
const HOURS = 6;

/**
 * Six simulated hours of reports, acceptances and resolutions, with the live snapshot of each
 * audience taken at the end of every hour: the replay must give back exactly those pictures.
 */
describe('the time machine: GET /api/v1/replay/snapshot and /replay/events', () => {
  const clock = createClock({ startAt: MORNING, speed: 0 });
  let server: TestServer;
  const live: { at: number; full: Snapshot; display: Snapshot; street: Snapshot }[] = [];
  const headers = (role: 'admin' | 'display' | 'operator' = 'admin', scope = '350121') => ({ authorization: `Bearer ${server.token(role, scope)}` });
  const get = (url: string, h = headers()) => server.app.inject({ method: 'GET', url, headers: h });
  const snapshot = async (url: string, h = headers()) => (await get(url, h)).json() as Snapshot;

  beforeAll(async () => {
    server = await startTestServer({ listen: false, clock });
    const county = await testCounty();
    const reported: Incident[] = [];
    let n = 0;
    for (let hour = 0; hour < HOURS; hour++) {
      for (let i = 0; i < 5; i++) {
        clock.set(MORNING + hour * HOUR_MS + i * 7 * 60_000, 0);
        const street = i % 2 ? SHANGJIE_TOWN : GANZHE_STREET;
        const payload = incidentAt(gridIn(county, street, n++), { priority: i === 0 ? 'urgent' : 'normal' });
        const response = await server.app.inject({ method: 'POST', url: '/api/v1/incidents', payload, headers: server.admin });
        reported.push(response.json() as Incident);
      }
      clock.set(MORNING + hour * HOUR_MS + 40 * 60_000, 0);
      const transition = (id: string, body: object) =>
        server.app.inject({ method: 'POST', url: `/api/v1/incidents/${id}/transitions`, payload: body, headers: server.admin });
      await transition(reported[hour * 2]!.id, { action: 'accept' });
      if (hour > 0) await transition(reported[hour * 2 - 2]!.id, { action: 'resolve', resolution: '已修复' });
      const at = MORNING + hour * HOUR_MS + 50 * 60_000;
      clock.set(at, 0);
      live.push({
        at,
        full: await snapshot('/api/v1/snapshot'),
        display: await snapshot('/api/v1/snapshot', headers('display')),
        street: await snapshot(`/api/v1/snapshot?scope=${GANZHE_STREET}`, headers('operator', GANZHE_STREET)),
      });
    }
    clock.set(MORNING + HOURS * HOUR_MS, 0);
  });
  afterAll(() => server?.close());

  it('gives back, for every past hour, the very snapshot live state gave then: entities, KPIs, children, seq', async () => {
    for (const moment of live) {
      expect(await snapshot(`/api/v1/replay/snapshot?at=${moment.at}`)).toEqual(moment.full);
    }
  });

  it('replays a display token masked exactly as live, and a street token only its street', async () => {
    for (const moment of live) {
      const display = await snapshot(`/api/v1/replay/snapshot?at=${moment.at}`, headers('display'));
      expect(display).toEqual(moment.display);
      expect(JSON.stringify(display)).not.toMatch(/张三丰|13812345678/);
      const street = await snapshot(`/api/v1/replay/snapshot?at=${moment.at}&scope=${GANZHE_STREET}`, headers('operator', GANZHE_STREET));
      expect(street).toEqual(moment.street);
    }
    const otherStreet = await get(`/api/v1/replay/snapshot?at=${live[2]!.at}&scope=${SHANGJIE_TOWN}`, headers('operator', GANZHE_STREET));
    expect(otherStreet.statusCode).toBe(404);
  });

  it('pages the events of a period after a replay snapshot, ending where the period ends', async () => {
    const [first, , third] = live as [typeof live[0], typeof live[0], typeof live[0]];
    const log = ((await get('/api/v1/events?after=0&limit=5000')).json() as EventsPage).events;
    const expected = log.filter((e) => e.seq > first.full.seq && e.at <= third.at).map((e) => e.seq);
    const seen: JinlinEvent[] = [];
    let after = first.full.seq;
    for (let more = true; more; ) {
      const page = (await get(`/api/v1/replay/events?after=${after}&to=${third.at}&limit=4`)).json() as EventsPage;
      seen.push(...page.events);
      after = page.nextAfter;
      more = page.hasMore;
    }
    expect(seen.map((e) => e.seq)).toEqual(expected);
    expect(seen.at(-1)?.seq).toBe(third.full.seq);
  });

  it('masks the events of a period for a display token', async () => {
    const page = (await get(`/api/v1/replay/events?after=0&to=${live[3]!.at}`, headers('display'))).json() as EventsPage;
    expect(page.events.length).toBeGreaterThan(0);
    expect(JSON.stringify(page)).not.toMatch(/张三丰|13812345678/);
  });

  it('answers 400 naming the field for a missing, malformed or future time', async () => {
    for (const query of ['', 'at=yesterday', `at=${MORNING + 30 * HOUR_MS}`]) {
      const response = await get(`/api/v1/replay/snapshot?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toContain('at');
    }
    expect((await get(`/api/v1/replay/events?after=0`)).json().message).toContain('to');
  });

  it('jumps from the nearest checkpoint and reaches the same picture as a fold from seq 1', async () => {
    const { store, county } = server.services;
    const dense = new ReplayCheckpoints(store, county.data.stations, { everyMs: HOUR_MS, everyEvents: 3, pageSize: 4 });
    const none = new ReplayCheckpoints(store, county.data.stations, { everyMs: Number.MAX_SAFE_INTEGER, everyEvents: Number.MAX_SAFE_INTEGER, pageSize: 4 });
    for (const moment of live) {
      const jumped = await pictureAt(dense, store, county, moment.at);
      const folded = await pictureAt(none, store, county, moment.at);
      expect(dense.nearest(moment.at).at).toBeLessThanOrEqual(moment.at);
      expect(dense.nearest(moment.at).seq).toBeGreaterThan(0);
      expect(jumped.entities).toEqual(folded.entities);
      expect(jumped.kpisOf('350121', moment.at)).toEqual(folded.kpisOf('350121', moment.at));
    }
    expect(dense.count).toBeGreaterThan(HOURS * 2);
    expect(none.count).toBe(1);
  });

  it('shows an empty county before the first event', async () => {
    const before = await snapshot(`/api/v1/replay/snapshot?at=${MORNING - HOUR_MS}`);
    expect(before.seq).toBe(0);
    expect(before.incidents).toEqual([]);
    expect(before.kpis.incidents.open).toBe(0);
  });
});
