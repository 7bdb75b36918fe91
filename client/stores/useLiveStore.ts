import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { ChildFigures, Snapshot } from '../../shared/contract/snapshot';
import type { KpiFrame } from '../../shared/contract/socket';
import type { JinlinEvent } from '../../shared/domain/event';
import type { RegionKpis } from '../../shared/domain/kpi';
import type { Region } from '../../shared/domain/region';
import { applyEvents } from '../../shared/logic/applyEvent';
import { createEntityState, type EntityState } from '../../shared/logic/entityState';
import type { ConnectionState, ConnectionStatus } from '../realtime/ConnectionStatus';
import { RECENTLY_CLOSED_MS } from '../../shared/logic/sla';
import { compactClosedIncidents, pruneHeatPoints, type HeatPoint } from './closedIncidentHeat';
import { pruneClosedEntities, RETAIN_CLOSED_MS } from './pruneClosedEntities';

/** A screen's entities: the shared state, plus the 7-day heat of incidents closed a while ago. */
export type ScreenEntities = EntityState & { closedIncidentHeat: Map<string, HeatPoint> };

const withHeat = (state: EntityState): ScreenEntities => ({ ...state, closedIncidentHeat: new Map() });

/** Once no marker shows a closed incident any more, only the heat map needs it. */
const COMPACT_CLOSED_AFTER_MS = RECENTLY_CLOSED_MS;

/** The entity state of a snapshot, ready for the shared reducer (which mutates its maps). */
const entityStateOf = (snapshot: Snapshot): ScreenEntities => {
  const state = withHeat(createEntityState(snapshot.stations, snapshot.seq));
  for (const incident of snapshot.incidents) state.incidents.set(incident.id, incident);
  for (const checkin of snapshot.checkins) state.checkins.set(checkin.id, checkin);
  for (const wish of snapshot.wishes) state.wishes.set(wish.id, wish);
  compactClosedIncidents(state.incidents, state.closedIncidentHeat, snapshot.at, COMPACT_CLOSED_AFTER_MS);
  return state;
};

/**
 * The facts a screen shows for its scope. Entities live in plain Maps advanced in place by the
 * shared reducer — marked raw so thousands of incidents are not made deeply reactive — and
 * `entitiesVersion` moves once per applied batch: views watch the version, then read the maps.
 */
export const useLiveStore = defineStore('live', () => {
  const scope = ref<string | null>(null);
  const region = shallowRef<Region | null>(null);
  const ancestors = shallowRef<readonly Region[]>([]);
  const kpis = shallowRef<RegionKpis | null>(null);
  const children = shallowRef<readonly ChildFigures[]>([]);
  const entities = shallowRef<ScreenEntities>(markRaw(withHeat(createEntityState())));
  const entitiesVersion = ref(0);
  const connection = ref<ConnectionState>('connecting');
  const lastSeq = ref(0);
  const headSeq = ref(0);
  const serverTime = ref<number | null>(null);
  const serverSpeed = ref(1);
  const staleSince = ref<number | null>(null);
  const dataAgeMs = ref(0);

  /** County first, the scope itself last. */
  const breadcrumb = computed<readonly Region[]>(() => (region.value ? [...ancestors.value, region.value] : []));

  function loadSnapshot(snapshot: Snapshot): void {
    scope.value = snapshot.scope;
    region.value = snapshot.region;
    ancestors.value = snapshot.ancestors;
    kpis.value = snapshot.kpis;
    children.value = snapshot.children;
    entities.value = markRaw(entityStateOf(snapshot));
    lastSeq.value = snapshot.seq;
    headSeq.value = Math.max(headSeq.value, snapshot.seq);
    entitiesVersion.value++;
    // Until the first heartbeat, the snapshot's own stamp is the server's time (the header clock shows it).
    if (serverTime.value === null) serverTime.value = snapshot.at;
  }

  /** Events in seq order; the reducer itself ignores any at or below the state's seq. */
  function applyEventBatch(events: readonly JinlinEvent[]): void {
    const before = entities.value.seq;
    applyEvents(entities.value, events);
    if (entities.value.seq === before) return;
    lastSeq.value = entities.value.seq;
    entitiesVersion.value++;
  }

  function applyKpis(frame: KpiFrame): void {
    if (frame.scope === scope.value) kpis.value = frame.kpis;
  }

  function setStatus(status: ConnectionStatus): void {
    connection.value = status.state;
    headSeq.value = status.headSeq;
    serverTime.value = status.serverTime ?? serverTime.value;
    serverSpeed.value = status.serverSpeed;
    staleSince.value = status.staleSince;
    dataAgeMs.value = status.dataAgeMs;
  }

  /**
   * Keeps a wall that runs for weeks small: incidents closed over an hour ago shrink to heat points,
   * heat points and finished check-ins older than the retention go. Returns how many items changed.
   */
  function prune(now: number, retainMs = RETAIN_CLOSED_MS): number {
    const state = entities.value;
    const changed =
      pruneClosedEntities(state, now, retainMs) +
      compactClosedIncidents(state.incidents, state.closedIncidentHeat, now, Math.min(COMPACT_CLOSED_AFTER_MS, retainMs)) +
      pruneHeatPoints(state.closedIncidentHeat, now, retainMs);
    if (changed > 0) entitiesVersion.value++;
    return changed;
  }

  return {
    scope,
    region,
    ancestors,
    breadcrumb,
    kpis,
    children,
    entities,
    entitiesVersion,
    connection,
    lastSeq,
    headSeq,
    serverTime,
    serverSpeed,
    staleSince,
    dataAgeMs,
    loadSnapshot,
    applyEvents: applyEventBatch,
    applyKpis,
    setStatus,
    prune,
  };
});

export type LiveStore = ReturnType<typeof useLiveStore>;
