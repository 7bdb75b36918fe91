import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../server/clock';
import { findPersonalDataInJson, tally, type PersonalHit } from '../shared/logic/privacy/findPersonalData';
import { houseText, idNumberText, phoneText } from '../shared/logic/privacy/personalTexts';
import { GANZHE_STREET, gridIn } from './helpers/fixtures';
import { connectSocket, startTestServer, testCounty, waitFor, type TestServer, type TestSocket } from './helpers/testServer';

/** The people of the report: each name is known to the system for one record. */
const PEOPLE = { reporter: '张三丰', resident: '李秀英', claimer: '覃翊翾', member: '郗骞骋', onDuty: '闫蓁蓁' } as const;
const NAMES = Object.values(PEOPLE);
const PHONE = '13812345678';
const ID_NUMBER = '350121195001011111';

/** Every digit form of phones and id numbers, and house numbers, from the same generators as the property test. */
const forms = (seed: number, n: number) =>
  fc.sample(fc.tuple(phoneText, idNumberText, houseText), { numRuns: n, seed }).map(([phone, id, house]) => `${phone} ${id} ${house}`);
const laden = (name: string, seed: number, max: number) =>
  Array.from(`${name}，${forms(seed, 3).join('，')}，找${name}`).slice(0, max).join('');

describe('public screens, fed personal data through the real API, show none of it', () => {
  let server: TestServer;
  let wall: TestSocket;
  const frames: Array<[string, unknown]> = [];
  const clock = createClock({ startAt: Date.UTC(2026, 10, 20, 2, 0) });
  const display = () => ({ authorization: `Bearer ${server.token('display', '350121')}` });
  const ids: Record<string, string> = {};

  const write = async (method: 'POST' | 'PUT', url: string, payload: object) => {
    const response = await server.app.inject({ method, url, payload, headers: server.admin });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json() as { id: string };
  };

  beforeAll(async () => {
    server = await startTestServer({ clock });
    wall = await connectSocket(server.url, server.token('display', '350121'));
    wall.onAny((name: string, payload: unknown) => frames.push([name, payload]));
    await wall.emitWithAck('view:subscribe', { scope: '350121' });
    const grid = gridIn(await testCounty(), GANZHE_STREET, 3);
    const incident = await write('POST', '/api/v1/incidents', {
      id: `INC-${PHONE}`,
      category: 'safety',
      source: 'hotline',
      priority: 'urgent',
      description: `${PEOPLE.reporter} 电话１３８１２３４５６７８ 或 138.1234.5678、1 3 8 1 2 3 4 5 6 7 8，身份证${ID_NUMBER}，住阳光小区5栋301室；${laden(PEOPLE.reporter, 1, 1500)}`,
      lng: grid.centroid[0],
      lat: grid.centroid[1],
      crs: 'gcj02',
      reporter: { name: PEOPLE.reporter, phone: PHONE, idNumber: ID_NUMBER, address: '榕桥花园3号楼2单元502室' },
    });
    ids.incident = incident.id;
    const transition = (body: object) => write('POST', `/api/v1/incidents/${incident.id}/transitions`, body);
    await transition({ action: 'accept', note: `到榕桥花园3号楼2单元502室找${PEOPLE.reporter}` });
    await transition({ action: 'dispatch', assignee: `物业 ${PEOPLE.reporter} ${PHONE}`, note: laden(PEOPLE.reporter, 2, 500) });
    await transition({ action: 'start', note: laden(PEOPLE.reporter, 3, 500) });
    await transition({ action: 'resolve', resolution: laden(PEOPLE.reporter, 4, 500) });
    await transition({ action: 'rate', satisfaction: 5, note: `回访${PEOPLE.reporter} 0591-12345678` });
    const wish = await write('POST', '/api/v1/wishes', {
      id: `W-${PHONE}`,
      title: `${PEOPLE.resident}想要助听器 13700001111`,
      description: `${PEOPLE.resident} 电话13700001111 身份证350121195001011111 住阳光小区5栋301室；${laden(PEOPLE.resident, 5, 400)}`,
      regionCode: grid.path[2],
      residentName: PEOPLE.resident,
      residentPhone: '13700001111',
    });
    await write('POST', `/api/v1/wishes/${wish.id}/claim`, { claimerName: PEOPLE.claimer });
    const station = [...server.services.live.entities.stations.values()].find((s) => s.regionPath[1] === GANZHE_STREET)!;
    await write('PUT', `/api/v1/stations/${station.id}/status`, {
      status: 'open',
      onDuty: { name: PEOPLE.onDuty, phone: '13600002222' },
      onDutyCount: 1,
      visitors: 3,
      activity: `义诊 联系${PEOPLE.onDuty}13600002222 12号`,
    });
    await write('POST', '/api/v1/checkins', {
      id: `CK-${ID_NUMBER}`,
      memberId: '13912345678',
      memberName: PEOPLE.member,
      memberPhone: '13912345678',
      kind: 'volunteer',
      category: 'clinic',
      gridCode: grid.code,
    });
    const head = server.services.live.headSeq;
    const seen = () => frames.some(([name, batch]) => name === 'events' && (batch as { events: { seq: number }[] }).events.some((e) => e.seq === head));
    await waitFor(seen, wall);
    // The urgent incident alarms: the wall's alarm feed carries its (scrubbed) text as well.
    await waitFor(() => frames.some(([name, frame]) => name === 'alarms' && (frame as { alarms: unknown[] }).alarms.length > 0), wall);
  });

  afterAll(async () => {
    wall?.close();
    await server?.close();
  });

  const read = async (url: string): Promise<unknown> => {
    const response = await server.app.inject({ method: 'GET', url, headers: display() });
    expect(response.statusCode, url).toBe(200);
    return response.json();
  };

  it('finds 0 phones, id numbers, house numbers and known full names in every public body and socket frame', async () => {
    const bodies: Array<[string, unknown]> = [
      ['snapshot county', await read('/api/v1/snapshot?scope=350121')],
      ['snapshot street', await read(`/api/v1/snapshot?scope=${GANZHE_STREET}`)],
      ['events', await read('/api/v1/events?after=0&limit=5000')],
      ['incident by id', await read(`/api/v1/incidents/${ids.incident}`)],
      ...frames.map(([name, frame], i): [string, unknown] => [`ws ${name} #${i}`, frame]),
    ];
    const hits: PersonalHit[] = bodies.flatMap(([source, body]) => findPersonalDataInJson(source, body, NAMES));
    expect(tally(hits), JSON.stringify(hits.slice(0, 10))).toEqual({ phone: 0, 'id number': 0, name: 0, 'house number': 0 });
  });

  it('serves a pseudonymised incident by its pseudonym, as public screens know it', async () => {
    const snapshot = (await read(`/api/v1/snapshot?scope=${GANZHE_STREET}`)) as { incidents: { id: string; description: string }[] };
    const mine = snapshot.incidents.find((i) => i.description.startsWith('张*丰'));
    expect(mine?.id).toMatch(/^anon-[a-z]{16}$/);
    const detail = (await read(`/api/v1/incidents/${mine!.id}`)) as { id: string; description: string };
    expect(detail).toMatchObject({ id: mine!.id, description: mine!.description });
    expect(tally(findPersonalDataInJson('detail', detail, NAMES))).toEqual({ phone: 0, 'id number': 0, name: 0, 'house number': 0 });
  });

  it('gives the same pseudonym for a member id in the snapshot and in the live frame', async () => {
    const snapshot = (await read(`/api/v1/snapshot?scope=${GANZHE_STREET}`)) as { checkins: { memberId: string; memberName: string }[] };
    const checkin = snapshot.checkins.find((c) => c.memberName === '郗*骋')!;
    expect(checkin.memberId).toMatch(/^anon-[a-z]{16}$/);
    const live = frames.flatMap(([name, batch]) => (name === 'events' ? (batch as { events: { type: string; payload: { checkin?: { memberId: string } } }[] }).events : []));
    expect(live.find((e) => e.type === 'volunteer:checkedIn')?.payload.checkin?.memberId).toBe(checkin.memberId);
  });

  it('scans for real: the operator’s full view holds every kind', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/v1/events?after=0&limit=5000', headers: server.admin });
    const counts = tally(findPersonalDataInJson('admin events', response.json(), NAMES));
    expect(Object.values(counts).every((n) => n > 0), JSON.stringify(counts)).toBe(true);
  });
});
