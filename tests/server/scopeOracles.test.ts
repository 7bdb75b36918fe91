import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Region } from '../../shared/domain/region';
import { signTestToken, startTestServer, testCounty, type TestServer } from './helpers/testServer';
import { GANZHE_STREET as A, SHANGJIE_TOWN as B, gridIn, incidentAt } from './helpers/fixtures';

type Method = 'GET' | 'POST' | 'PUT';
/** One probe: the request a street-A leader sends about `subject` (another street's thing, or nothing at all). */
type Probe = (subject: string) => { method: Method; url: string; payload?: object; sent?: string[] };

/**
 * Every way a street leader could learn what exists in another street. Each probe is sent twice —
 * once about street B's real thing, once about a thing that does not exist — and the two answers
 * must be the same: same status, same body once what the caller itself sent is set aside.
 */
describe('a street token cannot tell another street’s things from things that do not exist', () => {
  let server: TestServer;
  let county: Awaited<ReturnType<typeof testCounty>>;
  const tokenA = signTestToken('street', A);
  const operator = signTestToken('operator');
  const of: Record<string, string> = {};
  let members = 0;
  const newMember = () => `M-probe-${++members}`;

  const send = (token: string, method: Method, url: string, payload?: object) =>
    server.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const checkinAt = (grid: Region, memberId: string, extra: object = {}) =>
    ({ memberId, memberName: '吴敏', kind: 'volunteer', category: 'policy', gridCode: grid.code, ...extra });
  const wishIn = (regionCode: string, extra: object = {}) => ({ title: '修水管', description: '', regionCode, residentName: '何伯', ...extra });

  beforeAll(async () => {
    server = await startTestServer({ listen: false });
    county = await testCounty();
    const made = async (url: string, payload: object) => (await send(operator, 'POST', url, payload)).json().id as string;
    of.incident = await made('/api/v1/incidents', incidentAt(gridIn(county, B)));
    of.checkin = await made('/api/v1/checkins', checkinAt(gridIn(county, B), 'M-on-duty-in-B'));
    await made('/api/v1/checkins', checkinAt(gridIn(county, A), 'M-on-duty-in-A'));
    of.wish = await made('/api/v1/wishes', wishIn(gridIn(county, B).code));
    of.station = [...server.services.live.entities.stations.values()].find((s) => s.regionPath[1] === B)!.id;
    of.grid = gridIn(county, B).code;
    of.community = gridIn(county, B).path[2]!;
  });
  afterAll(() => server?.close());

  /** The answer with what the caller sent (ids, member ids) and times replaced: what is left is what the server told. */
  const answer = async (probe: ReturnType<Probe>, subject: string) => {
    const response = await send(tokenA, probe.method, probe.url, probe.payload);
    let text = response.body;
    for (const sent of [subject, ...(probe.sent ?? [])]) text = text.replaceAll(sent, '<sent>');
    return { status: response.statusCode, body: text.replace(/\d{13}/g, '<ms>') };
  };

  const same = (name: string, real: () => string, unknown: string, probe: Probe) =>
    it(`${name}: another street’s answers exactly like a missing one`, async () => {
      const head = await server.services.store.headSeq();
      const [forReal, forNothing] = [await answer(probe(real()), real()), await answer(probe(unknown), unknown)];
      expect(forReal).toEqual(forNothing);
      expect(forReal.body).not.toContain(B);
      if (forReal.status >= 400) expect(await server.services.store.headSeq()).toBe(head);
    });

  describe('reads', () => {
    same('GET an incident', () => of.incident!, 'INC-no-such', (id) => ({ method: 'GET', url: `/api/v1/incidents/${id}` }));
    same('a snapshot of a region', () => of.community!, '350121001999', (code) => ({ method: 'GET', url: `/api/v1/snapshot?scope=${code}` }));
    same('events of a region', () => of.community!, '350121001999', (code) => ({ method: 'GET', url: `/api/v1/events?after=0&scope=${code}` }));
    same('outlines of a public level within a region', () => of.community!, '350121001999', (code) => ({
      method: 'GET',
      url: `/api/v1/regions?level=street&within=${code}`,
    }));
  });

  describe('actions on an existing thing', () => {
    same('transition an incident', () => of.incident!, 'INC-no-such', (id) => ({ method: 'POST', url: `/api/v1/incidents/${id}/transitions`, payload: { action: 'accept' } }));
    same('acknowledge an alarm', () => of.incident!, 'INC-no-such', (id) => ({ method: 'POST', url: `/api/v1/incidents/${id}/alarm-ack`, payload: {} }));
    same('set a station’s status', () => of.station!, 'ST-no-such', (id) => ({ method: 'PUT', url: `/api/v1/stations/${id}/status`, payload: { status: 'open' } }));
    same('check a member out', () => of.checkin!, 'CK-no-such', (id) => ({ method: 'POST', url: `/api/v1/checkins/${id}/checkout`, payload: {} }));
    same('claim a wish', () => of.wish!, 'WISH-no-such', (id) => ({ method: 'POST', url: `/api/v1/wishes/${id}/claim`, payload: { claimerName: '陈' } }));
    same('fulfil a wish', () => of.wish!, 'WISH-no-such', (id) => ({ method: 'POST', url: `/api/v1/wishes/${id}/fulfil`, payload: {} }));
  });

  describe('creations that name another street’s place', () => {
    same('report an incident with its gridCode', () => of.grid!, '35012100199999999', (gridCode) => ({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: incidentAt(gridIn(county, A), { gridCode }),
    }));
    same('check in at its station', () => of.station!, 'ST-no-such', (stationId) => {
      const member = newMember();
      return { method: 'POST', url: '/api/v1/checkins', payload: { ...checkinAt(gridIn(county, A), member), gridCode: undefined, stationId }, sent: [member] };
    });
    same('check in at its grid', () => of.grid!, '35012100199999999', (gridCode) => {
      const member = newMember();
      return { method: 'POST', url: '/api/v1/checkins', payload: { ...checkinAt(gridIn(county, A), member), gridCode }, sent: [member] };
    });
    it('refuses a point inside another street for the place (public geography), naming only its own scope', async () => {
      const grid = gridIn(county, B, 3);
      const response = await send(tokenA, 'POST', '/api/v1/incidents', incidentAt(grid));
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ statusCode: 403, error: 'out_of_scope', message: `this token may act only inside ${A}` });
    });
    same('post a wish in its community', () => of.community!, '350121001999', (regionCode) => ({ method: 'POST', url: '/api/v1/wishes', payload: wishIn(regionCode) }));
  });

  describe('creations that choose an id another street already uses', () => {
    same('report an incident', () => of.incident!, 'INC-free-id', (id) => ({ method: 'POST', url: '/api/v1/incidents', payload: incidentAt(gridIn(county, A), { id }) }));
    same('check a member in', () => of.checkin!, 'CK-free-id', (id) => {
      const member = newMember();
      return { method: 'POST', url: '/api/v1/checkins', payload: checkinAt(gridIn(county, A), member, { id }), sent: [member] };
    });
    same('post a wish', () => of.wish!, 'WISH-free-id', (id) => ({ method: 'POST', url: '/api/v1/wishes', payload: wishIn(gridIn(county, A).code, { id }) }));

    it('leaves the other street’s things as they were', async () => {
      const incident = (await send(operator, 'GET', `/api/v1/incidents/${of.incident}`)).json();
      expect(incident).toMatchObject({ id: of.incident, regionPath: expect.arrayContaining([B]), status: 'reported' });
      expect(server.services.live.entities.checkins.get(of.checkin!)?.regionPath).toContain(B);
      expect(server.services.live.entities.wishes.get(of.wish!)?.regionPath).toContain(B);
    });
  });

  describe('conflicts', () => {
    same('check in a member already on duty (in B, or in A)', () => 'M-on-duty-in-B', 'M-on-duty-in-A', (memberId) => ({
      method: 'POST',
      url: '/api/v1/checkins',
      payload: checkinAt(gridIn(county, A, 1), memberId),
    }));
  });
});
