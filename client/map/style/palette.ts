/**
 * Colours of the command-centre map: a dark navy ground so that live data (red, amber, cyan) stands
 * out on a video wall, and outlines that get brighter the higher the administrative level.
 */
export const PALETTE = {
  ground: '#050d1a',
  contextFill: '#0a1526',
  contextLine: '#1f3452',
  contextText: '#5f7799',
  countyGlow: '#19d3ff',
  countyLine: '#9ff6ff',
  streetFills: ['#0c2a48', '#0e3152', '#0b2540', '#10365a'],
  streetLine: '#3f94da',
  streetText: '#eaf6ff',
  communityFill: '#2b8ccc',
  communityLine: '#4fb3e8',
  communityText: '#b9e3fb',
  compoundFill: '#2a7fb0',
  compoundLine: '#6cc8f0',
  compoundText: '#d3efff',
  gridLine: '#7fd6f5',
  gridText: '#a8d8ee',
  textHalo: '#03101e',
} as const;

/**
 * Incident lifecycle 上报 → 受理 → 派单 → 处置 → 办结 → 评价, warm while nobody has acted yet and cool
 * once it is being handled or done, so a leader sees at a glance where the backlog sits. Red is kept
 * for overdue alone (OVERDUE_COLOUR), so that it keeps its meaning on the wall.
 */
export const INCIDENT_STATUS_COLOURS = {
  reported: '#ff8a3d',
  accepted: '#ffc53d',
  dispatched: '#f2e86d',
  in_progress: '#3ec5ff',
  resolved: '#39d98a',
  rated: '#b18cff',
} as const;

export const OVERDUE_COLOUR = '#ff2442';

/** New items pulse in white: a colour no status uses, so "new" never reads as a state. */
export const NEW_PULSE_COLOUR = '#ffffff';

/** Service-station status; fault is magenta rather than red so it is not mistaken for an overdue incident. */
export const STATION_STATUS_COLOURS = {
  open: '#39d98a',
  extended: '#ffd24d',
  closed: '#7d8fa8',
  fault: '#ff4fd8',
} as const;

/** Colour ramps of the two heatmaps, from transparent at density 0 to full at density 1. */
export const INCIDENT_HEAT_RAMP = ['#ffb0201a', '#ffb02066', '#ff7a2ab3', '#ff4a3ae0', '#ffe3d0'] as const;
export const VOLUNTEER_HEAT_RAMP = ['#1ee3a01a', '#1ee3a059', '#2fd6c7a6', '#5ff0ffd9', '#e6fffb'] as const;

/** Choropleth ramp from a calm to an alarming value (0 → 1 after the metric's normalisation). */
export const CHOROPLETH_RAMP = ['#16476b', '#2f7f8f', '#d9b43c', '#f07b2e', '#e8334a'] as const;

export const SCOPE_HIGHLIGHT = '#ffe68a';
export const SERVICE_CIRCLE_COLOUR = '#4fe3c1';
export const UNDERSERVED_COLOUR = '#ff9f43';
export const RIPPLE_COLOUR = '#7dffcf';
