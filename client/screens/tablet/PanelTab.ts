/** The lists of the tablet's side panel, in tab order. */
export const PANEL_TABS = ['incidents', 'alarms', 'stations', 'volunteers', 'wishes'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];
