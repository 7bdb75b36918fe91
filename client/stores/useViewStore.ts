import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { TOUR_CHOROPLETHS, TourLayer, TourPanel } from '../../shared/contract/demo';

export type ViewChoropleth = (typeof TOUR_CHOROPLETHS)[number];

/** What the screen is asked to highlight: layers switched (the rest keep their defaults), the choropleth, glowing panels. */
export interface ViewHighlights {
  visibility: Readonly<Partial<Record<TourLayer, boolean>>>;
  choropleth: ViewChoropleth;
  panels: ReadonlySet<TourPanel>;
}

/**
 * The view, held once: the region the screen was asked to show and what it highlights. A drill (a map
 * click, a breadcrumb, a tour stop) is one action, `drill(code)`: the live connection follows it
 * (realtime/bindStores.ts loads the region's snapshot, so the panels and the map's scope follow the
 * live store). The region shown is the live store's `scope`; this is the region asked for.
 */
export const useViewStore = defineStore('view', () => {
  const region = ref<string | null>(null);
  const visibility = shallowRef<ViewHighlights['visibility']>({});
  const choropleth = ref<ViewChoropleth>('none');
  const panels = shallowRef<ReadonlySet<TourPanel>>(new Set());

  const drill = (code: string): void => {
    region.value = code;
  };

  const highlight = (next: ViewHighlights): void => {
    visibility.value = next.visibility;
    choropleth.value = next.choropleth;
    panels.value = next.panels;
  };

  return { region, visibility, choropleth, panels, drill, highlight };
});

export type ViewStore = ReturnType<typeof useViewStore>;
