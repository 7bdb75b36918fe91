import type { Component } from 'vue';
import CategoryPanel from './CategoryPanel.vue';
import IncidentsPanel from './IncidentsPanel.vue';
import OrganisationPanel from './OrganisationPanel.vue';
import type { PanelData } from './PanelData';
import type { PanelId } from './panelIds';
import RankingPanel from './RankingPanel.vue';
import RatesPanel from './RatesPanel.vue';
import StationsPanel from './StationsPanel.vue';
import TrendPanel from './TrendPanel.vue';
import VolunteersPanel from './VolunteersPanel.vue';
import WishesPanel from './WishesPanel.vue';

/** One wall panel: its component and the props it takes from the screen's panel data. */
export interface PanelEntry {
  component: Component;
  /** Exactly the props the component declares, built from what every panel is given. */
  props: (data: PanelData) => Record<string, unknown>;
}

const ofKpis = (data: PanelData) => ({ kpis: data.kpis });

/**
 * THE registry of wall panels, keyed by the tour's panel names (panelIds.ts, from shared/contract/demo.ts TOUR_PANELS),
 * so a tour stop can highlight any of them. A new panel is its component, a line here, and its place
 * in each layout preset (layout/wallPresets.ts).
 */
export const PANEL_REGISTRY: Readonly<Record<PanelId, PanelEntry>> = {
  organisation: { component: OrganisationPanel, props: (data) => ({ figures: data.organisation }) },
  incidents: { component: IncidentsPanel, props: ofKpis },
  rates: { component: RatesPanel, props: ofKpis },
  trend: { component: TrendPanel, props: ofKpis },
  category: { component: CategoryPanel, props: ofKpis },
  ranking: { component: RankingPanel, props: (data) => ({ children: data.children }) },
  stations: { component: StationsPanel, props: ofKpis },
  volunteers: { component: VolunteersPanel, props: ofKpis },
  wishes: { component: WishesPanel, props: ofKpis },
};
