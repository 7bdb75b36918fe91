import { afterEach, describe, expect, it } from 'vitest';
import { createClock } from '../../../server/clock';
import { startTestServer, testCounty, type TestServer } from '../helpers/testServer';
import { GANZHE_STREET, gridIn, incidentAt } from '../helpers/fixtures';

/** 2026-11-20 23:50 in Asia/Shanghai (15:50 UTC). */
const LATE_EVENING = Date.UTC(2026, 10, 20, 15, 50);

describe('live state as time passes', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());

  it('turns an open incident overdue when its deadline passes, without any event', async () => {
    const clock = createClock({ startAt: LATE_EVENING - 6 * 3600_000 });
    server = await startTestServer({ listen: false, clock });
    const grid = gridIn(await testCounty(), GANZHE_STREET);
    await server.app.inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentAt(grid, { priority: 'urgent' }), headers: server.admin });
    const kpis = () => server!.services.live.kpisOf(GANZHE_STREET, clock.now()).incidents;
    expect(kpis()).toMatchObject({ open: 1, overdue: 0 });
    clock.set(clock.now() + 3 * 3600_000);
    const changed = server.services.live.tick(clock.now());
    expect(changed.has(GANZHE_STREET)).toBe(true);
    expect(kpis()).toMatchObject({ open: 1, overdue: 1 });
  });

  it('restarts today\'s counters at local midnight in Asia/Shanghai but keeps what is still open', async () => {
    const clock = createClock({ startAt: LATE_EVENING });
    server = await startTestServer({ listen: false, clock });
    const grid = gridIn(await testCounty(), GANZHE_STREET);
    await server.app.inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentAt(grid, { priority: 'low' }), headers: server.admin });
    const kpis = () => server!.services.live.kpisOf('350121', clock.now()).incidents;
    expect(kpis()).toMatchObject({ reportedToday: 1, open: 1 });
    clock.set(LATE_EVENING + 20 * 60_000); // 00:10 the next local day
    server.services.live.tick(clock.now());
    expect(kpis()).toMatchObject({ reportedToday: 0, open: 1 });
  });

  it('rebuilds the same figures from the store after a restart', async () => {
    const clock = createClock({ startAt: LATE_EVENING - 3600_000 });
    server = await startTestServer({ listen: false, clock });
    const county = await testCounty();
    for (let i = 0; i < 5; i++) await server.app.inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentAt(gridIn(county, GANZHE_STREET, i)), headers: server!.admin });
    const before = server.services.live.kpisOf(GANZHE_STREET, clock.now());
    const dataDir = server.dataDir;
    await server.app.close();
    const restarted = await startTestServer({ listen: false, clock, dataDir });
    try {
      const after = restarted.services.live.kpisOf(GANZHE_STREET, clock.now());
      expect({ ...after, at: 0 }).toEqual({ ...before, at: 0 });
    } finally {
      await restarted.app.close();
    }
  });
});
