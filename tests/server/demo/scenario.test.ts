import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventsPage, Snapshot } from '../../../shared/contract/snapshot';
import type { JinlinEvent } from '../../../shared/domain/event';
import { DemoError } from '../../../server/demo/DemoControls';
import { LOW_LYING_NAME } from '../../../server/demo/scenarios/lowLyingCommunities';
import { scenarioTexts } from '../../../server/demo/scenarios/scenarioTexts';
import { startTestServer, waitFor, type TestServer } from '../helpers/testServer';

const COUNTY = '350121';
const MINUTE_MS = 60_000;
const SHELTER = scenarioTexts.typhoon.shelterActivity;

describe('scripted scenarios, played through ingest on the virtual clock', () => {
  let server: TestServer;
  /** 10:00 on a Wednesday in Shanghai: stations are open, as on a weekday showing. */
  const START = Date.UTC(2025, 5, 11, 2, 0);

  beforeEach(async () => {
    server = await startTestServer({ listen: false });
    server.services.clock.set(START, 0);
    server.services.live.rebuildKpis(START);
  });
  afterEach(async () => {
    await server.close();
  });

  const snapshot = async () => (await server.app.inject({ url: `/api/v1/snapshot?scope=${COUNTY}`, headers: server.admin })).json<Snapshot>();
  const log = async (): Promise<JinlinEvent[]> => {
    const page = (await server.app.inject({ url: '/api/v1/events?after=0&limit=5000', headers: server.admin })).json<EventsPage>();
    return page.events;
  };
  /** Moves the virtual clock, waits until `done` shows the runner has issued what fell due, and lets ingest finish. */
  const advanceTo = async (at: number, done: () => boolean) => {
    server.services.clock.set(at, 0);
    await waitFor(done);
    await server.services.ingest.idle();
  };
  /** The runner issues everything due in one look at the clock: once the last report is in, so is the rest. */
  const allHazardsIn = () => [...server.services.live.entities.incidents.keys()].filter((id) => id.startsWith('INC-TY-')).length === 40;
  const finished = () => server.services.demo.scenario()?.running === false;

  it('typhoon: a surge of urgent and high hazards in low-lying grids, shelters open, volunteers check in en masse', async () => {
    const before = await snapshot();
    const started = await server.app.inject({ method: 'POST', url: '/api/v1/demo/scenarios/typhoon', headers: server.admin, payload: {} });
    expect(started.statusCode).toBe(200);
    const state = server.services.demo.scenario()!;
    expect(state).toMatchObject({ id: 'typhoon', title: { zh: '台风应急演练' }, startedAt: START, running: true });
    expect(state.planned).toBeGreaterThan(200);

    await advanceTo(START + 11 * MINUTE_MS, allHazardsIn);
    const during = await snapshot();
    const hazards = during.incidents.filter((i) => i.id.startsWith('INC-TY-'));
    expect(hazards).toHaveLength(40);
    for (const incident of hazards) {
      expect(incident.category).toBe('safety');
      expect(['urgent', 'high']).toContain(incident.priority);
      expect(server.services.county.get(incident.regionPath[2]!)!.name).toMatch(LOW_LYING_NAME);
    }
    const stillOpen = hazards.filter((i) => i.status !== 'resolved').length;
    expect(stillOpen).toBeGreaterThan(10);
    expect(during.kpis.incidents.open).toBe(before.kpis.incidents.open + stillOpen);
    expect(during.kpis.incidents.byCategory.safety).toBe(before.kpis.incidents.byCategory.safety + 40);
    expect(during.kpis.volunteers.onDuty).toBeGreaterThan(before.kpis.volunteers.onDuty + 50);
    const shelters = during.stations.filter((s) => s.activity === SHELTER);
    expect(shelters.length).toBeGreaterThan(10);
    for (const shelter of shelters) expect(shelter.status).toBe('extended');
    expect(during.kpis.stations.extended).toBeGreaterThanOrEqual(before.kpis.stations.extended + shelters.length);

    // Everything on the wall came through ingest: the log holds an event for each change.
    const events = await log();
    expect(events.filter((e) => e.type === 'incident:reported' && e.payload.incident.id.startsWith('INC-TY-'))).toHaveLength(40);
    expect(events.filter((e) => e.type === 'volunteer:checkedIn').length).toBe(during.kpis.volunteers.onDuty);
    expect(events.filter((e) => e.type === 'station:statusChanged' && e.payload.activity === SHELTER).length).toBeGreaterThanOrEqual(shelters.length);
  });

  it('typhoon: every case is resolved over the following minutes and the shelters stand down', async () => {
    const before = await snapshot();
    const state = await server.services.demo.start('typhoon');
    await advanceTo(START + 11 * MINUTE_MS, allHazardsIn);
    expect((await snapshot()).kpis.incidents.open).toBeGreaterThan(before.kpis.incidents.open);

    await advanceTo(state.endsAt, finished);
    const after = await snapshot();
    expect(server.services.demo.scenario()).toMatchObject({ issued: state.planned, planned: state.planned, running: false });
    const hazards = after.incidents.filter((i) => i.id.startsWith('INC-TY-'));
    expect(hazards.map((i) => i.status)).toEqual(hazards.map(() => 'resolved'));
    expect(after.kpis.incidents.open).toBe(before.kpis.incidents.open);
    expect(after.kpis.incidents.resolvedToday).toBe(before.kpis.incidents.resolvedToday + 40);
    expect(after.stations.filter((s) => s.activity === SHELTER)).toEqual([]);
    // Each case went the whole way, step by step, through the log.
    const steps = (await log()).filter((e) => e.type.startsWith('incident:') && e.type !== 'incident:reported').map((e) => e.type);
    for (const type of ['incident:accepted', 'incident:dispatched', 'incident:started', 'incident:resolved']) {
      expect(steps.filter((t) => t === type)).toHaveLength(40);
    }
  });

  it('refuses a second start while one runs with 409 scenario_running, and an unknown one with 404', async () => {
    await server.services.demo.start('typhoon');
    const second = await server.app.inject({ method: 'POST', url: '/api/v1/demo/scenarios/homeDay', headers: server.admin, payload: {} });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toEqual({ statusCode: 409, error: 'scenario_running', message: 'scenario typhoon is still running' });
    const unknown = await server.services.demo.start('flood' as 'typhoon').catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(DemoError);
    expect(unknown).toMatchObject({ code: 'unknown_scenario', statusCode: 404, message: expect.stringContaining('flood') });
  });

  it('home day: party members check in across the county, service centres extend their hours, wishes are claimed', async () => {
    const before = await snapshot();
    const state = await server.services.demo.start('homeDay');
    expect(state.title.zh).toBe('党员回家日');
    await advanceTo(state.endsAt, finished);
    const after = await snapshot();
    const wave = after.checkins.filter((c) => c.memberId.includes('-hd'));
    expect(wave.length).toBeGreaterThan(120);
    expect(wave.every((c) => c.kind === 'party_member')).toBe(true);
    expect(new Set(wave.map((c) => c.regionPath[1])).size).toBeGreaterThan(5);
    expect(after.kpis.volunteers.onDuty).toBe(before.kpis.volunteers.onDuty + wave.length);
    const centres = after.stations.filter((s) => s.type === 'party_service_center');
    expect(centres.every((s) => s.status === 'extended' && s.activity === scenarioTexts.homeDay.stationActivity)).toBe(true);
    expect(after.kpis.wishes.claimed).toBe(before.kpis.wishes.claimed + 6);
  });

  it('a reset stops the running scenario and forgets it', async () => {
    const typhoon = await server.services.demo.start('typhoon');
    await server.services.demo.reset();
    expect(server.services.demo.scenario()).toBeNull();
    expect(server.services.live.headSeq).toBe(0);

    // Another scenario may start at once; playing it to its end past the typhoon's whole plan
    // gives a leftover typhoon runner every chance to write, and it writes nothing.
    const homeDay = await server.services.demo.start('homeDay');
    await advanceTo(Math.max(homeDay.endsAt, typhoon.endsAt + homeDay.startedAt - typhoon.startedAt), finished);
    expect(server.services.demo.scenario()).toMatchObject({ id: 'homeDay', running: false });
    expect(server.services.live.entities.incidents.size).toBe(0);
  });
});
