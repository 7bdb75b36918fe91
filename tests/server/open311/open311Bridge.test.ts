import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../server/clock';
import { gcj02ToWgs84 } from '../../../shared/logic/geo/gcj02';
import { GANZHE_STREET, SHANGJIE_TOWN, gridIn } from '../helpers/fixtures';
import { startTestServer, testCounty, type TestServer } from '../helpers/testServer';
import { ERROR, POST_ANSWER, SERVICE, SERVICE_DEFINITION, SERVICE_REQUEST, expectFields } from './georeportFields';

const FIRST = '小明';
const LAST = '王';
const PHONE = '13812345678';
const EMAIL = 'wang.xiaoming@example.com';
const START = Date.UTC(2026, 10, 20, 2, 0);

/** A real parser; list items always arrays, every value kept as text (as an Open311 XML client sees it). */
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'request', 'error', 'attribute'].includes(name) });

describe('the Open311 GeoReport v2 bridge, over plain HTTP', () => {
  let server: TestServer;
  let base: string;
  let position: { lng: number; lat: number };
  const clock = createClock({ startAt: START });
  const bearer = (role: Parameters<TestServer['token']>[0], scope = '350121') => ({ authorization: `Bearer ${server.token(role, scope)}` });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { headers });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };
  const postForm = async (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', body: new URLSearchParams(fields), headers });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed'), text: await response.text() };
  };
  const jsonList = (text: string) => JSON.parse(text) as Record<string, unknown>[];
  const xmlList = (text: string, root: string, item: string) => ((xml.parse(text) as Record<string, Record<string, unknown[]>>)[root]?.[item] ?? []) as Record<string, unknown>[];
  const report = (overrides: Record<string, string> = {}) => ({
    api_key: server.token('ingest', GANZHE_STREET),
    service_code: 'facility',
    lat: String(position.lat),
    long: String(position.lng),
    description: `路灯不亮，${LAST}${FIRST}反映，电话${PHONE}`,
    first_name: FIRST,
    last_name: LAST,
    phone: PHONE,
    email: EMAIL,
    ...overrides,
  });
  const expectNoReporter = (text: string) => {
    for (const secret of [`${LAST}${FIRST}`, FIRST, PHONE, EMAIL]) expect(text).not.toContain(secret);
  };

  beforeAll(async () => {
    // Load shedding is not what this test is about: on a busy CI machine it would refuse the first requests.
    server = await startTestServer({ clock, env: { PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0', PRESSURE_MAX_HEAP_BYTES: '0' } });
    base = `${server.url}/open311/v2`;
    const grid = gridIn(await testCounty(), GANZHE_STREET, 2);
    const [lng, lat] = gcj02ToWgs84(grid.centroid[0], grid.centroid[1]);
    position = { lng, lat };
  });
  afterAll(() => server.close());

  it('lists our categories as services, in JSON and XML, each with the GeoReport v2 fields', async () => {
    const json = await get('/services.json');
    expect(json.status).toBe(200);
    const services = jsonList(json.text);
    expect(services.map((s) => s.service_code)).toContain('safety');
    expectFields(services, SERVICE, false);
    const asXml = await get('/services.xml');
    expect(asXml.type).toContain('text/xml');
    const xmlServices = xmlList(asXml.text, 'services', 'service');
    expect(xmlServices).toHaveLength(services.length);
    expectFields(xmlServices, SERVICE, true);
    const definition = await get('/services/safety.json');
    expectFields([JSON.parse(definition.text)], SERVICE_DEFINITION, false);
    expectFields([(xml.parse((await get('/services/safety.xml')).text) as Record<string, unknown>).service_definition], SERVICE_DEFINITION, true);
  });

  it('files a form post with an ingest key as one incident in WGS-84, replays its Idempotency-Key, and reads it back', async () => {
    const headers = { 'idempotency-key': 'open311-test-1' };
    const first = await postForm('/requests.json', report(), headers);
    expect(first.status, first.text).toBe(201);
    const [answer] = jsonList(first.text);
    expectFields([answer], POST_ANSWER, false);
    const id = String(answer!.service_request_id);
    const again = await postForm('/requests.xml', report(), headers);
    expect(again.status).toBe(201);
    expect(again.replayed).toBe('true');
    const replayed = xmlList(again.text, 'service_requests', 'request');
    expectFields(replayed, POST_ANSWER, true);
    expect(replayed[0]!.service_request_id).toBe(id);
    expect([...server.services.live.entities.incidents.values()].filter((i) => i.source === 'open311')).toHaveLength(1);

    const read = await get(`/requests/${encodeURIComponent(id)}.json`, bearer('operator'));
    expect(read.status).toBe(200);
    const [request] = jsonList(read.text);
    expectFields([request], SERVICE_REQUEST, false);
    expect(request).toMatchObject({ service_request_id: id, status: 'open', service_code: 'facility' });
    expect(Math.abs(Number(request!.lat) - position.lat)).toBeLessThan(1e-5);
    expect(Math.abs(Number(request!.long) - position.lng)).toBeLessThan(1e-5);
    const incident = server.services.live.entities.incidents.get(id)!;
    expect(request!.expected_datetime).toBe(`${new Date(incident.dueAt + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`);
    expect(incident.reporter).toEqual({ name: `${LAST}${FIRST}`, phone: PHONE });
    // email is not kept: our reporter record has no place for it, and what is not needed is not stored.
    expect(JSON.stringify(incident)).not.toContain(EMAIL);
  });

  it('never shows a display a reporter, in JSON or XML, listed or by id', async () => {
    const display = bearer('display');
    const list = await get('/requests.json', display);
    expect(list.status).toBe(200);
    const requests = jsonList(list.text);
    expect(requests.length).toBeGreaterThan(0);
    expectFields(requests, SERVICE_REQUEST, false);
    expectNoReporter(list.text);
    const asXml = await get('/requests.xml', display);
    expectFields(xmlList(asXml.text, 'service_requests', 'request'), SERVICE_REQUEST, true);
    expectNoReporter(asXml.text);
    const one = await get(`/requests/${encodeURIComponent(String(requests[0]!.service_request_id))}.xml`, display);
    expect(one.status).toBe(200);
    expectNoReporter(one.text);
  });

  it('maps resolved to closed with the resolution in status_notes and no expected time', async () => {
    const posted = jsonList((await postForm('/requests.json', report({ service_code: 'sanitation' }))).text);
    const id = String(posted[0]!.service_request_id);
    for (const payload of [{ action: 'accept' }, { action: 'resolve', resolution: '已清运' }]) {
      const response = await fetch(`${server.url}/api/v1/incidents/${encodeURIComponent(id)}/transitions`, {
        method: 'POST',
        body: JSON.stringify(payload),
        headers: { ...server.admin, 'content-type': 'application/json' },
      });
      expect(response.status).toBeLessThan(300);
    }
    const closed = xmlList((await get('/requests.xml?status=closed&service_code=sanitation', bearer('operator'))).text, 'service_requests', 'request');
    expectFields(closed, SERVICE_REQUEST, true);
    expect(closed.map((r) => r.service_request_id)).toEqual([id]);
    expect(closed[0]).toMatchObject({ status: 'closed', expected_datetime: '' });
    expect(String(closed[0]!.status_notes)).toContain('已清运');
    const open = jsonList((await get('/requests.json?status=open', bearer('operator'))).text);
    expect(open.every((r) => r.status === 'open')).toBe(true);
  });

  it('keeps markup and control characters in a description from breaking the XML', async () => {
    const posted = jsonList((await postForm('/requests.json', report({ description: '井盖<破损> & "危险"\u0001' }))).text);
    const read = xmlList((await get(`/requests/${encodeURIComponent(String(posted[0]!.service_request_id))}.xml`, bearer('operator'))).text, 'service_requests', 'request');
    expect(read[0]!.description).toBe('井盖<破损> & "危险"');
  });

  it('keeps a street key to its street: another street reads as not found', async () => {
    const mine = jsonList((await get('/requests.json', bearer('operator'))).text);
    const other = await get(`/requests/${encodeURIComponent(String(mine[0]!.service_request_id))}.json`, bearer('street', SHANGJIE_TOWN));
    expect(other.status).toBe(404);
    expectFields(jsonList(other.text), ERROR, false);
    expect(jsonList((await get('/requests.json', bearer('street', SHANGJIE_TOWN))).text)).toEqual([]);
  });

  it.each([
    ['no api_key', 'POST', { api_key: '' }, 401, 'api_key'],
    ['a display api_key', 'POST', { api_key: 'display' }, 403, 'api_key'],
    ['no lat', 'POST', { lat: undefined }, 400, 'lat'],
    ['a long out of range', 'POST', { long: '200' }, 400, 'long'],
    ['an unknown service_code', 'POST', { service_code: 'potholes' }, 400, 'service_code'],
    ['an unknown field', 'POST', { colour: 'red' }, 400, 'colour'],
    ['a phone that is no mobile number', 'POST', { phone: '12345' }, 400, 'phone'],
    ['another jurisdiction', 'POST', { jurisdiction_id: 'sf.gov' }, 404, 'jurisdiction_id'],
  ] as const)('answers a post with %s in the Open311 error format, JSON and XML', async (_what, _method, change, status, field) => {
    const fields: Record<string, string> = { ...report() };
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) delete fields[key];
      else fields[key] = key === 'api_key' && value === 'display' ? server.token('display') : value;
    }
    if (fields.api_key === '') delete fields.api_key;
    const json = await postForm('/requests.json', fields);
    expect(json.status, json.text).toBe(status);
    const errors = jsonList(json.text);
    expectFields(errors, ERROR, false);
    expect(errors[0]).toMatchObject({ code: status });
    expect(String(errors[0]!.description)).toContain(field);
    const asXml = await postForm('/requests.xml', fields);
    expect(asXml.status).toBe(status);
    expectFields(xmlList(asXml.text, 'errors', 'error'), ERROR, true);
  });

  it.each([
    ['/requests.json?api_key=abc', 400, 'api_key'],
    ['/requests.xml?start_date=yesterday', 400, 'start_date'],
    ['/requests.json?status=pending', 400, 'status'],
    ['/requests/nope.json', 404, 'nope'],
    ['/services/potholes.xml', 404, 'potholes'],
    ['/whatever.json', 404, 'whatever'],
  ] as const)('answers GET %s with %i in the Open311 error format', async (path, status, word) => {
    const response = await get(path, bearer('operator'));
    expect(response.status).toBe(status);
    const errors = path.includes('.xml') ? xmlList(response.text, 'errors', 'error') : jsonList(response.text);
    expectFields(errors, ERROR, path.includes('.xml'));
    expect(String(errors[0]!.description)).toContain(word);
  });
});
