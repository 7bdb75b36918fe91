import { describe, expect, it } from 'vitest';
import { CLUSTER_GROUPS, buildClusterPoints, clusterGroupOf, incidentClusterSource } from '../../../../client/map/layers/incidentClusters';
import { LIVE_SOURCE_OPTIONS } from '../../../../client/map/layers/index';
import { offlineStyle } from '../../../../client/map/style/offlineStyle';
import type { Incident, IncidentStatus } from '../../../../shared/domain/incident';
import { createEntityState } from '../../../../shared/logic/entityState';
import { readKpis } from '../../../../shared/logic/kpi/readKpis';
import { rebuildKpis } from '../../../../shared/logic/kpi/rebuildKpis';
import { isInScope } from '../../../../shared/logic/scope';
import { COUNTY, GRIDS, LOCAL_MIDNIGHT, MINUTE_MS, REGIONS, STREET_A, STREET_B, makeIncident } from '../../../shared/logic/kpi/kpiFixtures';

const HOUR_MS = 60 * MINUTE_MS;
const NOW = LOCAL_MIDNIGHT + 10 * HOUR_MS;
const STATUSES: IncidentStatus[] = ['reported', 'accepted', 'dispatched', 'in_progress', 'resolved', 'rated'];

/** Incidents of every status, some past their deadline, some closed yesterday, spread over the grids. */
const mixedIncidents = (): Incident[] =>
  Array.from({ length: 120 }, (_, n) => {
    const status = STATUSES[n % STATUSES.length]!;
    const reportedAt = NOW - ((n * 37) % 40) * HOUR_MS;
    const closed = status === 'resolved' || status === 'rated';
    const resolvedAt = closed ? Math.min(NOW, reportedAt + ((n * 13) % 30) * HOUR_MS) : undefined;
    return makeIncident(`INC-${n}`, GRIDS[n % GRIDS.length]!, reportedAt, {
      status,
      dueAt: reportedAt + ((n * 7) % 48) * HOUR_MS,
      ...(resolvedAt !== undefined ? { resolvedAt, ...(status === 'rated' ? { ratedAt: resolvedAt + MINUTE_MS } : {}) } : {}),
    });
  });

describe('incident clusters', () => {
  it('count, for every region, exactly the open, overdue and resolved-today figures of its KPI tiles', () => {
    const incidents = mixedIncidents();
    const entities = createEntityState();
    for (const incident of incidents) entities.incidents.set(incident.id, incident);
    const book = rebuildKpis(REGIONS, entities, NOW);
    const byId = new Map(incidents.map((i) => [i.id, i]));
    const points = buildClusterPoints(incidents, NOW);
    for (const code of [COUNTY, STREET_A, STREET_B, ...GRIDS]) {
      const inside = points.filter((p) => isInScope(byId.get(String(p.properties.id))!.regionPath, code));
      const total = (group: string) => inside.reduce((sum, p) => sum + Number(p.properties[group]), 0);
      const tiles = readKpis(book, code, 0, NOW).incidents;
      expect(total('waiting') + total('handling') + total('overdue'), `open in ${code}`).toBe(tiles.open);
      expect(total('overdue'), `overdue in ${code}`).toBe(tiles.overdue);
      expect(total('resolvedToday'), `resolved today in ${code}`).toBe(tiles.resolvedToday);
    }
    expect(points.length).toBeLessThan(incidents.length);
  });

  it('put each incident in one group only, and leave out what closed before today', () => {
    const base = { dueAt: NOW + HOUR_MS };
    expect(clusterGroupOf(makeIncident('a', GRIDS[0]!, NOW - HOUR_MS, { ...base, status: 'reported' }), NOW)).toBe('waiting');
    expect(clusterGroupOf(makeIncident('b', GRIDS[0]!, NOW - HOUR_MS, { ...base, status: 'in_progress' }), NOW)).toBe('handling');
    expect(clusterGroupOf(makeIncident('c', GRIDS[0]!, NOW - HOUR_MS, { status: 'accepted', dueAt: NOW - 1 }), NOW)).toBe('overdue');
    expect(clusterGroupOf(makeIncident('d', GRIDS[0]!, NOW - HOUR_MS, { status: 'resolved', resolvedAt: LOCAL_MIDNIGHT }), NOW)).toBe('resolvedToday');
    expect(clusterGroupOf(makeIncident('e', GRIDS[0]!, NOW - 30 * HOUR_MS, { status: 'rated', resolvedAt: LOCAL_MIDNIGHT - 1 }), NOW)).toBeNull();
    for (const point of buildClusterPoints(mixedIncidents(), NOW)) {
      expect(CLUSTER_GROUPS.reduce((sum, g) => sum + Number(point.properties[g]), 0)).toBe(1);
    }
  });

  it('cluster in MapLibre with a sum per group, declared in the offline style', () => {
    const source = offlineStyle().sources['incident-clusters'];
    expect(source).toMatchObject({ type: 'geojson', promoteId: 'id', cluster: true });
    expect(Object.keys(incidentClusterSource.clusterProperties ?? {})).toEqual([...CLUSTER_GROUPS]);
    expect(LIVE_SOURCE_OPTIONS['incident-clusters']).toBe(incidentClusterSource);
    expect(offlineStyle().sources['incident-markers']).not.toHaveProperty('cluster');
  });
});
