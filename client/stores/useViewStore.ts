import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { HeatWindow } from '../../shared/contract/heat';
import type { TOUR_CHOROPLETHS, TourLayer, TourPanel } from '../../shared/contract/demo';

export type ViewChoropleth = (typeof TOUR_CHOROPLETHS)[number];
export type ViewLayers = Readonly<Partial<Record<TourLayer, boolean>>>;

/**
 * What a tour stop asks to highlight while it shows: the layers it switches (absent ones follow the
 * operator), its choropleth (null: the operator's), the panels to glow.
 */
export interface ViewHighlights {
  visibility: ViewLayers;
  choropleth: ViewChoropleth | null;
  panels: ReadonlySet<TourPanel>;
}

/** The operator's own choices on the wall's legend panel, remembered in its URL (layout/wallControlsOf.ts). */
export interface WallControls {
  /** Layers the operator switched; absent ones keep the layer's default. */
  layers: ViewLayers;
  heatWindow: HeatWindow;
  kpi: ViewChoropleth;
  legendOpen: boolean;
}

export const DEFAULT_CONTROLS: WallControls = { layers: {}, heatWindow: '24h', kpi: 'none', legendOpen: false };

const NO_HIGHLIGHTS: ViewHighlights = { visibility: {}, choropleth: null, panels: new Set() };

const without = <K extends string, V>(record: Readonly<Partial<Record<K, V>>>, key: K): Partial<Record<K, V>> => {
  const rest = { ...record };
  delete rest[key];
  return rest;
};

/**
 * The view, held once: the region the screen was asked to show, the operator's controls and the tour's
 * highlights. A drill (a map click, a breadcrumb, a tour stop) is one action, `drill(code)`: the live
 * connection follows it (realtime/bindStores.ts loads the region's snapshot, so the panels and the
 * map's scope follow the live store). The region shown is the live store's `scope`; this is the region asked for.
 *
 * What the map draws (`visibility`, `choropleth`) is the stop's highlight over the operator's choice:
 * a stop may override while it shows, and the wall returns to the operator's controls after it. An
 * operator switching something during a stop takes it back from the stop at once.
 */
export const useViewStore = defineStore('view', () => {
  const region = ref<string | null>(null);
  const controls = shallowRef<WallControls>(DEFAULT_CONTROLS);
  const tour = shallowRef<ViewHighlights>(NO_HIGHLIGHTS);

  const visibility = computed<ViewLayers>(() => ({ ...controls.value.layers, ...tour.value.visibility }));
  const choropleth = computed<ViewChoropleth>(() => tour.value.choropleth ?? controls.value.kpi);
  const heatWindow = computed<HeatWindow>(() => controls.value.heatWindow);
  const panels = computed<ReadonlySet<TourPanel>>(() => tour.value.panels);
  /** What the tour decides now, for the panel to say so beside the switch. */
  const tourLayers = computed<ReadonlySet<TourLayer>>(() => new Set(Object.keys(tour.value.visibility) as TourLayer[]));
  const tourChoropleth = computed(() => tour.value.choropleth !== null);

  const drill = (code: string): void => {
    region.value = code;
  };

  const highlight = (next: ViewHighlights): void => {
    tour.value = next;
  };

  const setLayer = (layer: TourLayer, on: boolean): void => {
    controls.value = { ...controls.value, layers: { ...controls.value.layers, [layer]: on } };
    if (layer in tour.value.visibility) tour.value = { ...tour.value, visibility: without(tour.value.visibility, layer) };
  };

  const setHeatWindow = (heatWindow: HeatWindow): void => {
    controls.value = { ...controls.value, heatWindow };
  };

  const setKpi = (kpi: ViewChoropleth): void => {
    controls.value = { ...controls.value, kpi };
    if (tour.value.choropleth !== null) tour.value = { ...tour.value, choropleth: null };
  };

  const setLegendOpen = (legendOpen: boolean): void => {
    controls.value = { ...controls.value, legendOpen };
  };

  /** The controls a reloaded wall was told by its URL. */
  const restoreControls = (next: WallControls): void => {
    controls.value = next;
  };

  return {
    region,
    controls,
    visibility,
    choropleth,
    heatWindow,
    panels,
    tourLayers,
    tourChoropleth,
    drill,
    highlight,
    setLayer,
    setHeatWindow,
    setKpi,
    setLegendOpen,
    restoreControls,
  };
});

export type ViewStore = ReturnType<typeof useViewStore>;
