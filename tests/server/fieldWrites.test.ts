import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../server/clock';
import { startTestServer, testCounty, type TestServer } from './helpers/testServer';
import { GANZHE_STREET, gridIn } from './helpers/fixtures';

describe('check-ins, wishes and station status through the API', () => {
  let server: TestServer;
  const clock = createClock({ startAt: Date.UTC(2026, 10, 20, 2, 0) });
  beforeAll(async () => {
    server = await startTestServer({ listen: false, clock });
  });
  afterAll(() => server?.close());

  const call = async (method: 'POST' | 'PUT', url: string, payload: object) => {
    const response = await server.app.inject({ method, url, payload, headers: server.admin });
    return { status: response.statusCode, body: response.json() };
  };

  it('checks a party member in at a grid, then out with hours and points', async () => {
    const grid = gridIn(await testCounty(), GANZHE_STREET, 5);
    const checkin = await call('POST', '/api/v1/checkins', { memberId: 'M-100', memberName: '陈建国', kind: 'party_member', category: 'elder_help', gridCode: grid.code });
    expect(checkin.status).toBe(201);
    expect(checkin.body).toMatchObject({ regionPath: grid.path, location: { lng: grid.centroid[0], lat: grid.centroid[1] } });
    clock.set(clock.now() + 2 * 3600_000);
    const out = await call('POST', `/api/v1/checkins/${checkin.body.id}/checkout`, {});
    expect(out.status).toBe(200);
    expect(out.body.hours).toBeCloseTo(2, 1);
    expect(out.body.points).toBe(20);
    const again = await call('POST', `/api/v1/checkins/${checkin.body.id}/checkout`, {});
    expect(again).toMatchObject({ status: 409, body: { error: 'already_checked_out' } });
  });

  it('refuses a second check-in of a member who is still on duty', async () => {
    const station = [...server.services.live.entities.stations.values()][0]!;
    const first = await call('POST', '/api/v1/checkins', { memberId: 'M-200', memberName: '林秀英', kind: 'volunteer', category: 'clinic', stationId: station.id });
    expect(first.status).toBe(201);
    expect(first.body.regionPath).toEqual(station.regionPath);
    const second = await call('POST', '/api/v1/checkins', { memberId: 'M-200', memberName: '林秀英', kind: 'volunteer', category: 'clinic', stationId: station.id });
    expect(second).toMatchObject({ status: 409, body: { error: 'already_checked_in' } });
  });

  it('takes a wish from posted to claimed to fulfilled, and refuses to fulfil it twice', async () => {
    const posted = await call('POST', '/api/v1/wishes', { title: '想要一台助听器', description: '独居老人', regionCode: '350121001002', residentName: '郑阿婆' });
    expect(posted).toMatchObject({ status: 201, body: { status: 'posted' } });
    const early = await call('POST', `/api/v1/wishes/${posted.body.id}/fulfil`, {});
    expect(early).toMatchObject({ status: 409, body: { error: 'illegal_transition', currentStatus: 'posted' } });
    expect((await call('POST', `/api/v1/wishes/${posted.body.id}/claim`, { claimerName: '黄志强' })).body.status).toBe('claimed');
    expect((await call('POST', `/api/v1/wishes/${posted.body.id}/fulfil`, {})).body.status).toBe('fulfilled');
  });

  it('updates a station live status, keeping fields the body leaves out, and empties it when closed', async () => {
    const station = [...server.services.live.entities.stations.values()][1]!;
    const open = await call('PUT', `/api/v1/stations/${station.id}/status`, { status: 'open', onDutyCount: 2, visitors: 14, activity: '义诊', onDuty: { name: '刘红梅', phone: '13905910001' } });
    expect(open.body).toMatchObject({ status: 'open', onDutyCount: 2, visitors: 14, activity: '义诊' });
    const extended = await call('PUT', `/api/v1/stations/${station.id}/status`, { status: 'extended' });
    expect(extended.body).toMatchObject({ status: 'extended', onDutyCount: 2, visitors: 14, activity: '义诊' });
    const closed = await call('PUT', `/api/v1/stations/${station.id}/status`, { status: 'closed' });
    expect(closed.body).toMatchObject({ status: 'closed', onDuty: null, onDutyCount: 0, visitors: 0, activity: null });
  });

  it('counts the live figures of the street from these writes', () => {
    const kpis = server.services.live.kpisOf(GANZHE_STREET, clock.now());
    expect(kpis.volunteers.checkinsToday).toBeGreaterThanOrEqual(1);
    expect(kpis.wishes.fulfilled).toBeGreaterThanOrEqual(1);
  });
});
