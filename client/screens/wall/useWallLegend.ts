import { computed, onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import { SERVER_HEAT_WINDOWS, type HeatTuple } from '../../../shared/contract/heat';
import { fetchHeatPoints } from '../../api/fetchHeatPoints';
import type { WallConfig } from '../../layout/wallConfigOf';
import { searchWithControls } from '../../layout/wallControlsOf';
import { DEFAULT_VISIBILITY } from '../../map/layers/index';
import type { RegionDirectory } from '../../stores/regionDirectory';
import type { ViewStore } from '../../stores/useViewStore';

/** A month of heat changes slowly: the wall reads it again every few minutes while it is shown. */
const SERVER_HEAT_REFRESH_MS = 5 * 60_000;

/**
 * The legend panel's wiring: the operator's controls restored from the wall's URL and written back
 * to it as they change (history.replaceState: a kiosk reloading its URL reopens the same way), the
 * 30-day heat read from the server while that window is chosen, and the names of the compounds
 * the service circles miss, in the region shown.
 */
export const useWallLegend = (deps: {
  config: WallConfig;
  token: string | null;
  view: ViewStore;
  scope: Ref<string | null>;
  directory: Ref<RegionDirectory>;
}) => {
  const { view, scope, directory } = deps;
  view.restoreControls(deps.config.controls);
  watch(
    () => view.controls,
    (controls) => {
      const search = searchWithControls(location.search, controls, DEFAULT_VISIBILITY);
      if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    },
  );

  const heatPoints = shallowRef<readonly HeatTuple[] | null>(null);
  const heatLoading = ref(false);
  let reading: AbortController | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  const readHeat = (): void => {
    reading?.abort();
    const heatWindow = view.heatWindow;
    const code = scope.value;
    if (!SERVER_HEAT_WINDOWS.has(heatWindow) || code === null) {
      heatPoints.value = null;
      heatLoading.value = false;
      return;
    }
    const controller = new AbortController();
    reading = controller;
    heatLoading.value = heatPoints.value === null;
    fetchHeatPoints(heatWindow, code, deps.token, controller.signal).then(
      (points) => {
        if (controller.signal.aborted) return;
        heatPoints.value = points;
        heatLoading.value = false;
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        heatLoading.value = false;
        // The wall keeps drawing what it holds (a week) rather than nothing.
        console.error('heat points', error);
      },
    );
  };
  watch(
    () => [view.heatWindow, scope.value] as const,
    ([heatWindow], previous) => {
      // Another region's or window's points must not stay up meanwhile.
      if (previous && (previous[0] !== heatWindow || previous[1] !== scope.value)) heatPoints.value = null;
      clearInterval(timer);
      readHeat();
      if (SERVER_HEAT_WINDOWS.has(heatWindow)) timer = setInterval(readHeat, SERVER_HEAT_REFRESH_MS);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => {
    reading?.abort();
    clearInterval(timer);
  });

  const gapCodes = shallowRef<readonly string[]>([]);
  const gapNames = computed(() => {
    const inside = scope.value ?? '';
    return gapCodes.value.flatMap((code) => {
      const name = code.startsWith(inside) ? directory.value.byCode.get(code)?.name : undefined;
      return name ? [name] : [];
    });
  });
  const setGaps = (codes: readonly string[]): void => {
    gapCodes.value = codes;
  };

  /**
   * Every layer's switch, defaults filled in: the map merges what it is given into what it had, so a
   * stop's layers must be switched back explicitly when the wall returns to the operator's.
   */
  const layers = computed(() => ({ ...DEFAULT_VISIBILITY, ...view.visibility }));

  return { layers, heatPoints, heatLoading, gapNames, setGaps };
};
