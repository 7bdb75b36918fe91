/** The lists of the tablet's side panel, in tab order. */
export const PANEL_TABS = ['incidents', 'alarms', 'stations', 'volunteers', 'wishes'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export const PANEL_TAB_LABELS: Readonly<Record<PanelTab, string>> = {
  incidents: '待办事件',
  alarms: '告警',
  stations: '服务阵地',
  volunteers: '在岗志愿者',
  wishes: '微心愿',
};
