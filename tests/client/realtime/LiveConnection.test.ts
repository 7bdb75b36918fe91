import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../../client/api/HttpError';
import { startTestServer, waitFor, type TestServer } from '../../server/helpers/testServer';
import { GANZHE_STREET, SHANGJIE_TOWN } from '../../server/helpers/fixtures';
import { dropFrames } from './helpers/dropFrames';
import { closeLiveConnections, openLiveConnection } from './helpers/openLiveConnection';
import { recordingFetch } from './helpers/recordingFetch';
import { reportIncident } from './helpers/reportIncident';
import { scopeLog } from './helpers/scopeLog';

const COUNTY = '350121';

describe('a live connection to a real server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { HEARTBEAT_MS: '250', KPI_FRAME_MS: '100' } });
  });
  afterEach(closeLiveConnections);
  afterAll(async () => {
    await server?.close();
  });

  const isLive = (connection: { status: { state: string } }) => () => connection.status.state === 'live';

  it('loads the snapshot of its scope, then applies each live event of that scope once, in seq order', async () => {
    const { connection, record } = openLiveConnection(server.url, { scope: GANZHE_STREET });
    await connection.start();
    expect(record.snapshots.map((s) => s.scope)).toEqual([GANZHE_STREET]);
    await waitFor(isLive(connection));
    const from = connection.status.lastSeq;
    for (let n = 0; n < 3; n++) await reportIncident(server.url, GANZHE_STREET, n);
    await reportIncident(server.url, SHANGJIE_TOWN);
    const log = await scopeLog(server.url, GANZHE_STREET, from);
    await waitFor(() => record.seqs.length >= log.length);
    expect(log).toHaveLength(3);
    expect(record.seqs).toEqual(log);
  });

  it('starts at the county when no scope is given', async () => {
    const { connection, record } = openLiveConnection(server.url);
    await connection.start();
    expect(record.snapshots[0]?.scope).toBe(COUNTY);
    await waitFor(isLive(connection));
  });

  it('detects a dropped frame by prevSeq and fills it from /events before applying the next, with no duplicate and no gap', async () => {
    let reported = 0;
    const lossy = dropFrames((frame) => frame.event.type === 'incident:reported' && ++reported === 2);
    const http = recordingFetch();
    const { connection, record } = openLiveConnection(server.url, { scope: GANZHE_STREET, io: lossy.factory, fetch: http.fetch });
    await connection.start();
    await waitFor(isLive(connection));
    const from = connection.status.lastSeq;
    for (let n = 0; n < 3; n++) await reportIncident(server.url, GANZHE_STREET, n);
    const log = await scopeLog(server.url, GANZHE_STREET, from);
    await waitFor(() => record.seqs.length >= 3);
    expect(lossy.dropped.map((f) => f.event.seq)).toEqual([log[1]]);
    expect(record.seqs).toEqual(log);
    expect(http.count('/api/v1/events')).toBeGreaterThanOrEqual(1);
  });

  it('catches up when a heartbeat announces a scope seq it never received a frame for', async () => {
    const lossy = dropFrames((frame) => frame.event.type === 'incident:reported');
    const { connection, record } = openLiveConnection(server.url, { scope: GANZHE_STREET, io: lossy.factory });
    await connection.start();
    await waitFor(isLive(connection));
    const from = connection.status.lastSeq;
    await reportIncident(server.url, GANZHE_STREET);
    const log = await scopeLog(server.url, GANZHE_STREET, from);
    await waitFor(() => record.seqs.length >= 1);
    expect(lossy.dropped).toHaveLength(1);
    expect(record.seqs).toEqual(log);
  });

  it('reloads the snapshot instead of replaying when it is further behind than the catch-up limit', async () => {
    let reported = 0;
    const lossy = dropFrames((frame) => frame.event.type === 'incident:reported' && ++reported <= 3);
    const { connection, record } = openLiveConnection(server.url, {
      scope: GANZHE_STREET,
      io: lossy.factory,
      pageLimit: 1,
      maxCatchUpEvents: 2,
    });
    await connection.start();
    await waitFor(isLive(connection));
    for (let n = 0; n < 4; n++) await reportIncident(server.url, GANZHE_STREET, n);
    const head = (await scopeLog(server.url, GANZHE_STREET, 0)).at(-1) ?? 0;
    await waitFor(() => connection.status.lastSeq === head && connection.status.state === 'live');
    expect(record.snapshots).toHaveLength(2);
    expect(record.snapshots[1]?.seq).toBeGreaterThanOrEqual(record.seqs.at(-1) ?? 0);
    expect(new Set(record.seqs).size).toBe(record.seqs.length);
  });

  it('reloads the snapshot when the server says reload, and stays exactly-once afterwards', async () => {
    const { connection, record } = openLiveConnection(server.url, { scope: GANZHE_STREET });
    await connection.start();
    await waitFor(isLive(connection));
    server.services.realtime.io.emit('reload', { reason: 'reset', headSeq: server.services.live.headSeq });
    await waitFor(() => record.snapshots.length === 2);
    await waitFor(isLive(connection));
    const from = connection.status.lastSeq;
    await reportIncident(server.url, GANZHE_STREET);
    const log = await scopeLog(server.url, GANZHE_STREET, from);
    await waitFor(() => connection.status.lastSeq === log.at(-1));
    expect(record.seqs.filter((seq) => seq > from)).toEqual(log);
  });

  it('switches scope: a new snapshot, the subscription moves, and the old scope falls silent', async () => {
    const { connection, record } = openLiveConnection(server.url, { scope: COUNTY });
    await connection.start();
    await waitFor(isLive(connection));
    await connection.setScope(SHANGJIE_TOWN);
    expect(record.snapshots.map((s) => s.scope)).toEqual([COUNTY, SHANGJIE_TOWN]);
    await waitFor(isLive(connection));
    const from = connection.status.lastSeq;
    await reportIncident(server.url, GANZHE_STREET);
    await reportIncident(server.url, SHANGJIE_TOWN);
    const log = await scopeLog(server.url, SHANGJIE_TOWN, from);
    await waitFor(() => connection.status.lastSeq === log.at(-1));
    expect(record.seqs.filter((seq) => seq > from)).toEqual(log);
  });

  it('refuses to switch to a region the server does not know, and keeps showing the current one', async () => {
    const { connection, record } = openLiveConnection(server.url, { scope: GANZHE_STREET });
    await connection.start();
    await expect(connection.setScope('350121999')).rejects.toBeInstanceOf(HttpError);
    await waitFor(isLive(connection));
    expect(connection.status.scope).toBe(GANZHE_STREET);
    expect(record.snapshots.map((s) => s.scope)).toEqual([GANZHE_STREET, GANZHE_STREET]);
    await expect(connection.setScope('not-a-code')).rejects.toThrow(/not a region code/);
  });

  it('passes on KPI frames of its scope as they change', async () => {
    const { connection, record } = openLiveConnection(server.url, { scope: GANZHE_STREET });
    await connection.start();
    await waitFor(isLive(connection));
    const before = record.snapshots[0]?.kpis.incidents.reportedToday ?? 0;
    await reportIncident(server.url, GANZHE_STREET);
    await waitFor(() => record.kpis.some((frame) => frame.kpis.incidents.reportedToday === before + 1));
    expect(record.kpis.every((frame) => frame.scope === GANZHE_STREET)).toBe(true);
  });
});
