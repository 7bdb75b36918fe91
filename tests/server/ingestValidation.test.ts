import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testCounty, type TestServer } from './helpers/testServer';
import { GANZHE_STREET, gridIn, incidentAt } from './helpers/fixtures';

describe('bad input is refused with a clear 4xx and changes nothing', () => {
  let server: TestServer;
  let good: ReturnType<typeof incidentAt>;
  let incidentId: string;

  beforeAll(async () => {
    server = await startTestServer({ listen: false });
    good = incidentAt(gridIn(await testCounty(), GANZHE_STREET));
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/incidents', payload: good, headers: server.admin });
    incidentId = created.json().id;
  });
  afterAll(() => server?.close());

  const send = async (method: 'POST' | 'PUT', url: string, payload: string | object, headers: Record<string, string> = {}) => {
    const head = await server.services.store.headSeq();
    const published = server.services.metrics.eventsIngested;
    const before = (await published.get()).values.reduce((sum, v) => sum + v.value, 0);
    const response = await server.app.inject({
      method,
      url,
      headers: { 'content-type': 'application/json', ...server.admin, ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    const after = (await published.get()).values.reduce((sum, v) => sum + v.value, 0);
    return { response, body: response.json(), stored: (await server.services.store.headSeq()) - head, broadcast: after - before };
  };

  const cases: [string, 'POST' | 'PUT', string, () => string | object, number, string, RegExp][] = [
    ['malformed JSON', 'POST', '/api/v1/incidents', () => '{"category": "facility",', 400, 'invalid_json', /JSON/],
    ['a wrong type', 'POST', '/api/v1/incidents', () => ({ ...good, lng: '119.1' }), 400, 'validation_failed', /body\/lng/],
    ['an extra field', 'POST', '/api/v1/incidents', () => ({ ...good, colour: 'red' }), 400, 'validation_failed', /colour/],
    ['a missing field', 'POST', '/api/v1/incidents', () => ({ ...good, category: undefined }), 400, 'validation_failed', /category/],
    ['an unknown category', 'POST', '/api/v1/incidents', () => ({ ...good, category: 'ufo' }), 400, 'validation_failed', /body\/category/],
    ['an out-of-range longitude', 'POST', '/api/v1/incidents', () => ({ ...good, lng: 181 }), 400, 'validation_failed', /body\/lng/],
    ['an out-of-range latitude', 'POST', '/api/v1/incidents', () => ({ ...good, lat: -91 }), 400, 'validation_failed', /body\/lat/],
    ['a point outside every grid', 'POST', '/api/v1/incidents', () => ({ ...good, lng: 116.4, lat: 39.9 }), 422, 'outside_jurisdiction', /lng\/lat/],
    ['an unknown grid', 'POST', '/api/v1/incidents', () => ({ ...good, gridCode: '35012100100199999' }), 422, 'grid_not_found', /gridCode/],
    ['a malformed phone', 'POST', '/api/v1/incidents', () => ({ ...good, reporter: { name: '李四', phone: '12345' } }), 400, 'validation_failed', /reporter\/phone/],
    ['an oversize body', 'POST', '/api/v1/incidents', () => ({ ...good, description: 'x'.repeat(70_000) }), 413, 'body_too_large', /./],
    ['an illegal transition', 'POST', '/api/v1/incidents/:id/transitions', () => ({ action: 'resolve', resolution: '已修复' }), 409, 'illegal_transition', /resolve/],
    ['a transition missing its field', 'POST', '/api/v1/incidents/:id/transitions', () => ({ action: 'dispatch' }), 400, 'validation_failed', /assignee/],
    ['an unknown action', 'POST', '/api/v1/incidents/:id/transitions', () => ({ action: 'teleport' }), 400, 'validation_failed', /action/],
    ['a transition of an unknown incident', 'POST', '/api/v1/incidents/INC-nope/transitions', () => ({ action: 'accept' }), 404, 'incident_not_found', /INC-nope/],
    ['an unknown station', 'PUT', '/api/v1/stations/ST-nope/status', () => ({ status: 'open' }), 404, 'station_not_found', /ST-nope/],
    ['a check-in with no place', 'POST', '/api/v1/checkins', () => ({ memberId: 'M1', memberName: '王五', kind: 'party_member', category: 'policy' }), 422, 'place_required', /stationId or gridCode/],
    ['a wish in an unknown region', 'POST', '/api/v1/wishes', () => ({ title: '修轮椅', description: '', regionCode: '350121001999', residentName: '赵六' }), 422, 'region_not_found', /regionCode/],
  ];

  for (const [what, method, url, payload, status, code, message] of cases) {
    it(`answers ${status} ${code} to ${what}, storing and broadcasting nothing`, async () => {
      const result = await send(method, url.replace(':id', incidentId), payload());
      expect(result.response.statusCode).toBe(status);
      expect(result.body).toMatchObject({ statusCode: status, error: code });
      expect(result.body.message).toMatch(message);
      expect(result.stored).toBe(0);
      expect(result.broadcast).toBe(0);
    });
  }

  it('answers 409 with the current status when the transition is illegal', async () => {
    const { body } = await send('POST', `/api/v1/incidents/${incidentId}/transitions`, { action: 'rate', satisfaction: 5 });
    expect(body).toMatchObject({ statusCode: 409, currentStatus: 'reported' });
  });

  it('never answers 5xx to 1,000 random bodies', async () => {
    const routes = ['/api/v1/incidents', `/api/v1/incidents/${incidentId}/transitions`, '/api/v1/checkins', '/api/v1/wishes'];
    const head = await server.services.store.headSeq();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(fc.jsonValue(), fc.string(), fc.object()), async (url, body) => {
        const response = await server.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json', ...server.admin },
          payload: typeof body === 'string' ? body : JSON.stringify(body),
        });
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 1000 },
    );
    // Random bodies almost never form a valid command; whatever was accepted was a 2xx, nothing else was written.
    expect(await server.services.store.headSeq()).toBeGreaterThanOrEqual(head);
  });
});
