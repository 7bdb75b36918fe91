import { createPinia, setActivePinia } from 'pinia';
import { isProxy, isReactive } from 'vue';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventsPage, Snapshot } from '../../../shared/contract/snapshot';
import type { EntityState } from '../../../shared/logic/entityState';
import { RECENTLY_CLOSED_MS as CLOSED_MARKER_MS } from '../../../shared/logic/sla';
import { RETAIN_CLOSED_MS } from '../../../client/stores/pruneClosedEntities';
import { useLiveStore } from '../../../client/stores/useLiveStore';
import { startTestServer, type TestServer } from '../../server/helpers/testServer';
import { GANZHE_STREET, SHANGJIE_TOWN } from '../../server/helpers/fixtures';
import { reportIncident, transitionIncident } from '../realtime/helpers/reportIncident';

describe('the live store', () => {
  let server: TestServer;
  const getJson = async <T>(path: string): Promise<T> => (await fetch(`${server.url}${path}`)).json() as Promise<T>;
  const snapshotOf = (scope: string) => getJson<Snapshot>(`/api/v1/snapshot?scope=${scope}`);
  const eventsAfter = async (seq: number, scope: string) =>
    (await getJson<EventsPage>(`/api/v1/events?after=${seq}&scope=${scope}`)).events;
  const sortedValues = <T extends { id: string }>(map: Map<string, T>) => [...map.values()].sort((a, b) => a.id.localeCompare(b.id));
  const incidentsOf = (state: EntityState) => sortedValues(state.incidents);

  beforeAll(async () => {
    server = await startTestServer();
  });
  beforeEach(() => setActivePinia(createPinia()));
  afterAll(async () => {
    await server?.close();
  });

  it('loads a snapshot: scope, breadcrumb, KPIs, children, and entities at its seq', async () => {
    const snapshot = await snapshotOf(GANZHE_STREET);
    const live = useLiveStore();
    live.loadSnapshot(snapshot);
    expect(live.scope).toBe(GANZHE_STREET);
    expect(live.breadcrumb.map((r) => r.code)).toEqual(['350121', GANZHE_STREET]);
    expect(live.kpis).toEqual(snapshot.kpis);
    expect(live.children.length).toBeGreaterThan(0);
    expect(live.entities.seq).toBe(snapshot.seq);
    expect(live.lastSeq).toBe(snapshot.seq);
    expect(live.entities.stations.size).toBe(snapshot.stations.length);
  });

  it('advances entities with the shared reducer, bumping the version once per batch, and ends where a fresh snapshot is', async () => {
    const live = useLiveStore();
    live.loadSnapshot(await snapshotOf(GANZHE_STREET));
    const id = await reportIncident(server.url, GANZHE_STREET, 1);
    await reportIncident(server.url, GANZHE_STREET, 2);
    await transitionIncident(server.url, id, { action: 'accept' });
    const version = live.entitiesVersion;
    live.applyEvents(await eventsAfter(live.lastSeq, GANZHE_STREET));
    expect(live.entitiesVersion).toBe(version + 1);
    expect(live.entities.incidents.get(id)?.status).toBe('accepted');
    const fresh = await snapshotOf(GANZHE_STREET);
    expect(live.lastSeq).toBe(fresh.seq);
    expect(incidentsOf(live.entities)).toEqual([...fresh.incidents].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('changes nothing, not even the version, for a batch it has already applied', async () => {
    const live = useLiveStore();
    const snapshot = await snapshotOf(GANZHE_STREET);
    await reportIncident(server.url, GANZHE_STREET, 3);
    const events = await eventsAfter(snapshot.seq, GANZHE_STREET);
    live.loadSnapshot(snapshot);
    live.applyEvents(events);
    const version = live.entitiesVersion;
    const before = incidentsOf(live.entities);
    live.applyEvents(events);
    expect(live.entitiesVersion).toBe(version);
    expect(incidentsOf(live.entities)).toEqual(before);
  });

  it('keeps the entity maps out of Vue reactivity, so a busy county does not track every incident', async () => {
    const live = useLiveStore();
    live.loadSnapshot(await snapshotOf(GANZHE_STREET));
    expect(isReactive(live.entities)).toBe(false);
    expect(isProxy(live.entities.incidents)).toBe(false);
  });

  it('takes KPI frames for its own scope only', async () => {
    const live = useLiveStore();
    const snapshot = await snapshotOf(GANZHE_STREET);
    live.loadSnapshot(snapshot);
    const other = await snapshotOf(SHANGJIE_TOWN);
    live.applyKpis({ scope: SHANGJIE_TOWN, kpis: other.kpis });
    expect(live.kpis?.code).toBe(GANZHE_STREET);
    const newer = { ...snapshot.kpis, at: snapshot.kpis.at + 1000 };
    live.applyKpis({ scope: GANZHE_STREET, kpis: newer });
    expect(live.kpis).toEqual(newer);
  });

  it('holds the connection facts it is given', () => {
    const live = useLiveStore();
    live.setStatus({ state: 'stale', scope: GANZHE_STREET, lastSeq: 4, headSeq: 9, serverTime: 1_000, serverSpeed: 1, staleSince: 500, dataAgeMs: 12_000 });
    expect(live.connection).toBe('stale');
    expect(live.headSeq).toBe(9);
    expect(live.serverTime).toBe(1_000);
    expect(live.staleSince).toBe(500);
    expect(live.dataAgeMs).toBe(12_000);
  });

  it('shrinks incidents closed over an hour ago to heat points, forgets those past the retention, and keeps open ones, however old', async () => {
    const open = await reportIncident(server.url, GANZHE_STREET, 4);
    const done = await reportIncident(server.url, GANZHE_STREET, 5);
    await transitionIncident(server.url, done, { action: 'accept' });
    await transitionIncident(server.url, done, { action: 'resolve', resolution: '已修复' });
    const live = useLiveStore();
    live.loadSnapshot(await snapshotOf(GANZHE_STREET));
    const resolved = live.entities.incidents.get(done)!;
    const resolvedAt = resolved.updatedAt;
    const version = live.entitiesVersion;
    // Within the hour its marker still shows: nothing changes.
    expect(live.prune(resolvedAt + CLOSED_MARKER_MS - 1)).toBe(0);
    expect(live.entitiesVersion).toBe(version);
    // After it, only its heat point is left.
    expect(live.prune(resolvedAt + CLOSED_MARKER_MS + 1)).toBe(1);
    expect(live.entities.incidents.has(done)).toBe(false);
    expect(live.entities.closedIncidentHeat.get(done)).toEqual({
      id: done,
      location: resolved.location,
      priority: resolved.priority,
      reportedAt: resolved.reportedAt,
    });
    expect(live.entitiesVersion).toBe(version + 1);
    // Past the retention the heat point goes too; the open incident stays.
    expect(live.prune(resolved.reportedAt + RETAIN_CLOSED_MS + 1)).toBeGreaterThanOrEqual(1);
    expect(live.entities.closedIncidentHeat.has(done)).toBe(false);
    expect(live.entities.incidents.has(open)).toBe(true);
  });
});
