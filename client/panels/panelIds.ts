import { TOUR_PANELS, type TourPanel } from '../../shared/contract/demo';

/** The panels a layout may place and a tour stop may highlight: the tour's list is the source. */
export const PANEL_IDS: readonly TourPanel[] = TOUR_PANELS;
export type PanelId = TourPanel;
