import { computed, onBeforeUnmount, onMounted, shallowRef, toRef, watch, watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ChildFigures } from '../../../shared/contract/snapshot';
import { useAlarmPolicy } from '../../alarms/useAlarmPolicy';
import { useOperatorHold } from '../../alarms/useOperatorHold';
import { useWallAlarms } from '../../alarms/useWallAlarms';
import { fetchEventsPage } from '../../api/fetchEventsPage';
import { platformFetch } from '../../api/getJson';
import { loadRegionDirectory } from '../../api/loadRegionDirectory';
import { useTourPlayer, type TourMapTarget } from '../../demo/useTourPlayer';
import { mergeRecentEvents } from '../../eventBoard/mergeRecentEvents';
import { useRecentEvents } from '../../eventBoard/useRecentEvents';
import { useWallLayout } from '../../layout/useWallLayout';
import type { WallConfig } from '../../layout/wallConfigOf';
import { liveChildFigures } from '../../panels/liveChildFigures';
import { organisationFiguresOf } from '../../panels/organisationFiguresOf';
import type { PanelData } from '../../panels/PanelData';
import { sameFigures } from '../../panels/sameFigures';
import { useLiveSession } from '../../realtime/useLiveSession';
import { useWallReplay } from '../../replay/useWallReplay';
import { EVENT_FEED_LIMIT } from '../../stores/useEventFeedStore';
import { EMPTY_DIRECTORY, type RegionDirectory } from '../../stores/regionDirectory';
import { useServerNow } from '../../time/useServerNow';
import { useWallLegend } from './useWallLegend';

/** What the wall needs of its map view (MapView's exposed methods). */
export interface WallMapTarget extends TourMapTarget {
  flyToRegion(code: string): boolean;
}

/**
 * The wall's wiring, the only place it is done: the live session (every store bound to one
 * connection), the board's history, the region directory, the panels' figures, the guided tour,
 * the alarm feed with its voice and policy, and the operator's hold on alarm flights.
 */
export const useWallSession = (config: WallConfig, token: string | null, mapView: () => WallMapTarget | null) => {
  const { t } = useI18n();
  const { live, feed, demo, view, alarmFeed, hold } = useLiveSession({ token, alarms: true, ...(config.scope ? { scope: config.scope } : {}) });
  const layout = useWallLayout(config.layout);
  const liveNow = useServerNow(toRef(live, 'serverTime'), toRef(live, 'serverSpeed'));
  /** The time machine (client/replay): the same stores, played from the past; its clock is the wall's "now" meanwhile. */
  const replay = useWallReplay({ token, live, feed, view, hold });
  const serverNow = computed(() => replay.now.value ?? liveNow.value);
  const directory = shallowRef<RegionDirectory>(EMPTY_DIRECTORY);
  /** The legend panel: the operator's controls (kept in the URL), the 30-day heat, the service circles' gaps. */
  const legend = useWallLegend({ config, token, view, scope: toRef(live, 'scope'), directory });
  const stop = new AbortController();

  const title = computed(() => config.title ?? t('frame.defaultTitle'));
  watchEffect(() => {
    document.title = title.value;
  });

  /** Recounted each second from the live incidents; the previous array is kept when nothing moved. */
  let lastChildren: readonly ChildFigures[] = [];
  const children = computed(() => {
    const next = liveChildFigures(live.children, live.entities.incidents.values(), serverNow.value);
    if (!sameFigures(next, lastChildren)) lastChildren = next;
    return lastChildren;
  });
  /** Its own computed: counting the hierarchy is redone on a new region, not on every KPI frame. */
  const organisation = computed(() => organisationFiguresOf(directory.value, live.region));
  const panelData = computed<PanelData>(() => ({ kpis: live.kpis, children: children.value, organisation: organisation.value }));

  const bearer: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  /** The board's history comes from the same API, with the same credentials, as the live link's catch-up. */
  const recentEvents = useRecentEvents(
    toRef(live, 'scope'),
    () => live.lastSeq,
    (query) => fetchEventsPage({ fetch: platformFetch, baseUrl: '', headers: bearer, signal: stop.signal }, query),
    replay.resumed,
  );
  // A replay's board is the replayed events alone: the live history is of another time.
  const boardEvents = computed(() => (replay.active.value ? feed.events : mergeRecentEvents(feed.events, recentEvents.value, EVENT_FEED_LIMIT)));

  /** A drill, a breadcrumb tap or a hand pan is an operator looking somewhere: alarm flights wait a while (useOperatorHold). */
  const operator = useOperatorHold();
  const drillForOperator = (code: string): void => {
    operator.touch();
    view.drill(code);
  };

  /** The guided tour drives the wall like a presenter at its console: region, camera, layers, panels. */
  const { highlights } = useTourPlayer({ demo, map: mapView, showRegion: view.drill });
  watch(highlights, (next) => view.highlight(next), { immediate: true });

  /**
   * Urgent and overdue incidents alarm on every wall until acknowledged from a tablet or resolved:
   * the server's feed for the wall's token, so an alarm anywhere in the county reaches a wall the
   * tour has taken into one community. The policy is fetched for the voice (quiet hours).
   */
  const alarms = alarmFeed!;
  const alarmPolicy = useAlarmPolicy(token);
  const wallAlarms = useWallAlarms({
    feed: alarms,
    scope: toRef(live, 'scope'),
    now: liveNow,
    policy: alarmPolicy,
    locale: config.locale,
    // A tour stop, a wall told to keep its view (?alarmFlights=off) or an operator's own drill keeps the camera.
    holdCamera: computed(() => demo.showingStop || !config.alarmFlights || operator.held.value),
    flyTo: (code) => mapView()?.flyToRegion(code),
    // The past does not alarm: no card, flight or voice while a replay is on screen.
    muted: replay.active,
  });

  onMounted(() => {
    loadRegionDirectory(token, stop.signal).then(
      (loaded) => (directory.value = loaded),
      (error: unknown) => stop.signal.aborted || console.error('region directory', error),
    );
    // The map view has set the hook by now (children mount first). Assign, never spread: the map's
    // fields are getters that must stay live.
    if (window.__jinlin) {
      Object.assign(window.__jinlin, {
        kpis: () => live.kpis,
        connection: () => live.connection,
        replay: () => ({ ...replay.state.value, lastSeq: live.lastSeq, liveFromSeq: replay.continuity.fromSeq, liveGaps: replay.continuity.gaps }),
      });
    }
  });
  onBeforeUnmount(() => stop.abort(new Error('the wall was closed')));

  return { live, view, layout, title, serverNow, liveNow, replay, directory, panelData, boardEvents, alarms, wallAlarms, operator, drillForOperator, legend };
};
