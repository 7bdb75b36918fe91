import { createPinia, setActivePinia } from 'pinia';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bindStores } from '../../../client/realtime/bindStores';
import { useAlarmFeedStore } from '../../../client/stores/useAlarmFeedStore';
import { useEventFeedStore } from '../../../client/stores/useEventFeedStore';
import { useLiveStore } from '../../../client/stores/useLiveStore';
import type { Incident } from '../../../shared/domain/incident';
import { signTestToken, startTestServer, testCounty, waitFor, type TestServer } from '../../server/helpers/testServer';
import { GANZHE_STREET, SHANGJIE_TOWN, gridIn, incidentAt } from '../../server/helpers/fixtures';
import { closeLiveConnections, openLiveConnection } from '../realtime/helpers/openLiveConnection';

describe('the alarm feed over a wall’s live connection to a real server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(closeLiveConnections);
  afterAll(() => server?.close());

  it('fills the wall’s alarm store with an urgent case in another street while the wall shows one community, and empties it on acknowledgement', async () => {
    const county = await testCounty();
    const community = county.regions().find((r) => r.level === 'community' && r.code.startsWith(GANZHE_STREET))!;
    setActivePinia(createPinia());
    const feed = useAlarmFeedStore();
    const { connection } = openLiveConnection(server.url, { token: signTestToken('display'), scope: community.code });
    bindStores(connection, { live: useLiveStore(), feed: useEventFeedStore(), alarms: feed });
    await connection.start();
    await waitFor(() => feed.epoch !== null);
    expect(feed.alarms).toEqual([]);

    const reported = await server.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: server.admin,
      payload: incidentAt(gridIn(county, SHANGJIE_TOWN, 2), { priority: 'urgent', category: 'safety' }),
    });
    const incident = reported.json() as Incident;
    await waitFor(() => feed.alarms.some((a) => a.incidentId === incident.id));
    expect(connection.status.scope).toBe(community.code);
    expect(feed.alarms[0]).toMatchObject({ incidentId: incident.id, reason: 'urgent', gridCode: incident.gridCode });

    const ack = await server.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/alarm-ack`, payload: {}, headers: server.admin });
    expect(ack.statusCode).toBe(200);
    await waitFor(() => feed.alarms.length === 0);
  });
});
