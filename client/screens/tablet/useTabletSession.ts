import { computed, onBeforeUnmount, onMounted, ref, shallowRef, toRef, watch } from 'vue';
import type { TransitionBody } from '../../../shared/contract/http';
import type { CheckIn } from '../../../shared/domain/volunteer';
import { canWrite } from '../../../shared/logic/access';
import { useAlarmPolicy } from '../../alarms/useAlarmPolicy';
import { ALARM_ACK, isAlarmAck } from '../../api/alarmAck';
import { fetchMe, type Me } from '../../api/fetchMe';
import { HttpError } from '../../api/HttpError';
import { loadRegionDirectory } from '../../api/loadRegionDirectory';
import { INCIDENT_STATUS_COLOURS } from '../../map/style/palette';
import { useOutbox } from '../../outbox/useOutbox';
import { useLiveSession } from '../../realtime/useLiveSession';
import { EMPTY_DIRECTORY, placeOf as placeIn, type RegionDirectory } from '../../stores/regionDirectory';
import { useNow } from '../../time/useNow';
import { useServerNow } from '../../time/useServerNow';
import { useTranslate } from '../../i18n/Translate';
import { linkStatusOf } from './linkStatusOf';
import type { PanelTab } from './PanelTab';
import { useOnline } from './useOnline';
import { useTabletAlarms } from './useTabletAlarms';
import { useTabletLists } from './useTabletLists';

/** What the tablet needs of its map view (MapView's exposed methods). */
export interface TabletMapTarget {
  flyToRegion(code: string): boolean;
}

/**
 * The tablet's wiring, the only place it is done: the live session made with the tab's token (the
 * server picks the token's own street when no scope is asked for), who the server takes the token
 * for, the names of the regions, the outbox that keeps and retries every action, the lists and the
 * alarms, and what a tap on the map or a list does.
 */
export const useTabletSession = (token: string | null, mapView: () => TabletMapTarget | null) => {
  // Demo mode reaches the tablet too: it carries the sample-data mark when the county is generated.
  const { live, demo, view } = useLiveSession({ token });
  const tr = useTranslate();
  const me = shallowRef<Me | null>(null);
  /** Why this tablet may not act or not see: a refused token, or a role without write access. */
  const refusal = ref<string | null>(null);
  const directory = shallowRef<RegionDirectory>(EMPTY_DIRECTORY);
  const stop = new AbortController();

  const loadMe = async (): Promise<void> => {
    try {
      me.value = await fetchMe(stop.signal);
      refusal.value = canWrite({ role: me.value.role, scope: me.value.scope }) ? null : tr('tablet.readOnly');
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) refusal.value = tr('tablet.badToken');
      else if (!stop.signal.aborted) console.warn('who am I: no answer yet', error);
    }
  };

  onMounted(() => {
    document.title = tr('tablet.title');
    void loadMe();
    loadRegionDirectory(token, stop.signal).then(
      (loaded) => (directory.value = loaded),
      (error: unknown) => stop.signal.aborted || console.error('region directory', error),
    );
  });

  onBeforeUnmount(() => {
    stop.abort(new Error('the tablet was closed'));
  });


  const serverNow = useServerNow(toRef(live, 'serverTime'), toRef(live, 'serverSpeed'));
  const online = useOnline();
  const link = computed(() => linkStatusOf(live.connection, online.value, tr));
  const reachable = computed(() => !link.value.offline && live.connection === 'live');
  const outbox = useOutbox(reachable);
  const deviceNow = useNow();
  const { queue, stations, volunteers, wishes, incidentById, stationName } = useTabletLists(live, outbox.answers, serverNow);
  const alarmPolicy = useAlarmPolicy(token);
  const alarms = useTabletAlarms(live, outbox.answers, serverNow, alarmPolicy);

  const tab = ref<PanelTab>('incidents');
  const selectedId = ref<string | null>(null);
  const selected = computed(() => (selectedId.value ? incidentById(selectedId.value) : null));

  /** The token's own region: the first scope the server gave, until /me names it. */
  const firstScope = ref<string | null>(null);
  watch(
    () => live.scope,
    (scope) => (firstScope.value ??= scope),
  );
  const homeScope = computed(() => me.value?.scope ?? firstScope.value);
  const homeName = computed(() =>
    live.scope !== null && live.scope !== homeScope.value ? (live.breadcrumb.find((r) => r.code === homeScope.value)?.name ?? null) : null,
  );

  const placeOf = (regionPath: readonly string[]): string => placeIn(directory.value, regionPath);
  const whereOf = (checkin: CheckIn): string => stationName(checkin.stationId) ?? placeOf(checkin.regionPath);

  const waitingIds = computed(() => new Set(outbox.actions.value.filter((a) => a.state !== 'failed').map((a) => a.incidentId)));
  const failed = computed(() => outbox.actions.value.filter((a) => a.state === 'failed'));
  const acknowledgingIds = computed(
    () => new Set(outbox.actions.value.filter((a) => a.state !== 'failed' && isAlarmAck(a.body)).map((a) => a.incidentId)),
  );
  const pendingOf = (id: string) => outbox.actions.value.filter((a) => a.incidentId === id);
  const overdueCount = computed(() => queue.value.filter((row) => row.overdue).length);
  const counts = computed(() => ({
    incidents: queue.value.length,
    alarms: alarms.value.length,
    stations: stations.value.length,
    volunteers: volunteers.value.length,
    wishes: wishes.value.length,
  }));

  /** The map's status colours, so a dot in a list means what the same dot means on the map. */
  const statusColours = Object.fromEntries(Object.entries(INCIDENT_STATUS_COLOURS).map(([status, colour]) => [`--status-${status}`, colour]));

  const select = (id: string): void => {
    selectedId.value = id;
    const incident = incidentById(id);
    // Its compound (the grid's parent) rather than the grid: close enough to find the dot, wide enough to know the place.
    if (incident) mapView()?.flyToRegion(incident.regionPath.at(-2) ?? incident.gridCode);
  };

  const closeSheet = (): void => {
    selectedId.value = null;
    if (live.scope) mapView()?.flyToRegion(live.scope);
  };

  /** A drill-down on the map, inside the token's own region only (the server would refuse the rest). */
  const showRegion = (code: string): void => {
    const home = homeScope.value;
    if (code === live.scope || (home !== null && !code.startsWith(home))) return;
    selectedId.value = null;
    view.drill(code);
  };

  const act = (body: TransitionBody): void => {
    if (selectedId.value) outbox.submit(selectedId.value, body);
  };

  /** 确认告警: through the outbox like every action, so a tap on bad 4G is kept and retried once. */
  const acknowledge = (id: string): void => {
    outbox.submit(id, ALARM_ACK);
  };

  watch(reachable, (isReachable) => isReachable && me.value === null && void loadMe());

  onMounted(() => {
    // The map view has installed the test hook by now (children mount first); assign, never spread.
    if (window.__jinlin) Object.assign(window.__jinlin, { kpis: () => live.kpis, connection: () => live.connection });
  });

  return { live, demo, me, refusal, serverNow, link, outbox, deviceNow, queue, stations, volunteers, wishes, alarms, tab, selected, homeName, placeOf, whereOf, waitingIds, failed, acknowledgingIds, pendingOf, overdueCount, counts, statusColours, select, closeSheet, showRegion, act, acknowledge, homeScope };
};
