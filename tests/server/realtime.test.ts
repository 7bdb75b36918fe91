import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { framesOf, type EventFrame, type KpiFrame } from '../../shared/contract/socket';
import { connectSocket, startTestServer, testCounty, waitFor, type TestServer, type TestSocket } from './helpers/testServer';
import { GANZHE_STREET, SHANGJIE_TOWN, gridIn, incidentAt } from './helpers/fixtures';

describe('real-time push to subscribed screens', () => {
  let server: TestServer;
  let ganzhe: TestSocket;
  let shangjie: TestSocket;
  const received: Record<string, EventFrame[]> = { ganzhe: [], shangjie: [] };
  const kpis: KpiFrame[] = [];

  beforeAll(async () => {
    server = await startTestServer({ env: { KPI_FRAME_MS: '100' } });
    ganzhe = await connectSocket(server.url);
    shangjie = await connectSocket(server.url);
    ganzhe.on('events', (batch) => received.ganzhe?.push(...framesOf(batch)));
    shangjie.on('events', (batch) => received.shangjie?.push(...framesOf(batch)));
    ganzhe.on('kpi', (frame) => kpis.push(frame));
    expect(await ganzhe.emitWithAck('view:subscribe', { scope: GANZHE_STREET })).toMatchObject({ ok: true });
    expect(await shangjie.emitWithAck('view:subscribe', { scope: SHANGJIE_TOWN })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    ganzhe?.disconnect();
    shangjie?.disconnect();
    await server?.close();
  });

  const post = async (url: string, body: unknown) => {
    const response = await fetch(`${server.url}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.admin },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('delivers an incident to a screen subscribed to its street, and never to another street', async () => {
    const county = await testCounty();
    const grid = gridIn(county, GANZHE_STREET, 3);
    const reply = await post('/api/v1/incidents', incidentAt(grid));
    expect(reply.status).toBe(201);
    await waitFor(() => received.ganzhe?.some((f) => f.event.type === 'incident:reported') ?? false, ganzhe);
    const frame = received.ganzhe?.find((f) => f.event.type === 'incident:reported');
    expect(frame?.event.regionPath).toEqual(grid.path);
    // Another street's screen: nothing, even after the same-street screen got it and a later event too.
    const other = await post('/api/v1/incidents', incidentAt(gridIn(county, SHANGJIE_TOWN)));
    await waitFor(() => (received.shangjie?.length ?? 0) >= 1, shangjie);
    expect(received.shangjie?.map((f) => f.event.regionPath[1])).toEqual([SHANGJIE_TOWN]);
    expect(received.ganzhe?.every((f) => f.event.regionPath[1] === GANZHE_STREET)).toBe(true);
    expect(other.status).toBe(201);
  });

  it('never sends the reporter of an incident to a public screen', () => {
    const reported = received.ganzhe?.find((f) => f.event.type === 'incident:reported');
    expect(JSON.stringify(reported)).not.toContain('13812345678');
    expect(JSON.stringify(reported)).not.toContain('张三丰');
  });

  it('chains each event to the previous one of the same scope so gaps are detectable', () => {
    const frames = received.ganzhe ?? [];
    for (let i = 1; i < frames.length; i++) expect(frames[i]?.prevSeq).toBe(frames[i - 1]?.event.seq);
  });

  it('updates the KPI frame of the street when an incident is accepted', async () => {
    const incidentId = (received.ganzhe?.[0]?.event.payload as { incident: { id: string } }).incident.id;
    const before = kpis.at(-1)?.kpis.incidents.acceptedToday ?? 0;
    const reply = await post(`/api/v1/incidents/${incidentId}/transitions`, { action: 'accept' });
    expect(reply.status).toBe(200);
    await waitFor(() => kpis.some((k) => k.scope === GANZHE_STREET && k.kpis.incidents.acceptedToday === before + 1), ganzhe);
  });

  it('replays exactly the missed events, in order, to a screen that resumes with its last seq', async () => {
    const county = await testCounty();
    const lastSeq = received.ganzhe?.at(-1)?.event.seq ?? 0;
    ganzhe.disconnect();
    for (let i = 0; i < 5; i++) await post('/api/v1/incidents', incidentAt(gridIn(county, GANZHE_STREET, i)));
    const resumed = await connectSocket(server.url);
    const replayed: EventFrame[] = [];
    resumed.on('events', (batch) => replayed.push(...framesOf(batch)));
    const ack = await resumed.emitWithAck('view:subscribe', { scope: GANZHE_STREET, afterSeq: lastSeq });
    expect(ack).toMatchObject({ ok: true, replayed: 5 });
    await waitFor(() => replayed.length === 5, resumed);
    expect(replayed[0]?.prevSeq).toBe(lastSeq);
    const seqs = replayed.map((f) => f.event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(5);
    resumed.disconnect();
  });

  it('refuses a subscription to a region that does not exist', async () => {
    expect(await shangjie.emitWithAck('view:subscribe', { scope: '350121999' })).toMatchObject({ ok: false, error: 'region_not_found' });
  });
});
