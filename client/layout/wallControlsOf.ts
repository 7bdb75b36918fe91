import { TOUR_CHOROPLETHS, TOUR_LAYERS, type TourLayer } from '../../shared/contract/demo';
import { isHeatWindow } from '../../shared/contract/heat';
import { DEFAULT_CONTROLS, type ViewChoropleth, type WallControls } from '../stores/useViewStore';

// The legend panel's controls in the wall's URL, so a kiosk reloading its URL reopens the way the
// operator left it: `?layers=incidentHeat,stations&heat=7d&kpi=overdueRate&legend=open`. Defaults
// are not written, so an untouched wall keeps its short URL.

const isKpi = (value: string | null): value is ViewChoropleth => (TOUR_CHOROPLETHS as readonly (string | null)[]).includes(value);
const isLayer = (value: string): value is TourLayer => (TOUR_LAYERS as readonly string[]).includes(value);

/** `layers=` lists the layers on, so every other is off; unknown names are ignored, an absent list keeps the defaults. */
export const wallControlsOf = (query: URLSearchParams): WallControls => {
  const listed = query.get('layers');
  const on = new Set((listed ?? '').split(',').filter(isLayer));
  const heat = query.get('heat');
  const kpi = query.get('kpi');
  return {
    layers: listed === null ? {} : Object.fromEntries(TOUR_LAYERS.map((layer) => [layer, on.has(layer)])),
    heatWindow: isHeatWindow(heat) ? heat : DEFAULT_CONTROLS.heatWindow,
    kpi: isKpi(kpi) ? kpi : DEFAULT_CONTROLS.kpi,
    legendOpen: query.get('legend') === 'open',
  };
};

/**
 * `search` with the controls written in (other parameters kept). `defaults` says which layers are on
 * untouched, in the order the list is written (the layer registry's).
 */
export const searchWithControls = (search: string, controls: WallControls, defaults: Readonly<Record<TourLayer, boolean>>): string => {
  const query = new URLSearchParams(search);
  const set = (key: string, value: string | null) => (value === null ? query.delete(key) : query.set(key, value));
  const touched = Object.keys(controls.layers).length > 0;
  const on = (Object.keys(defaults) as TourLayer[]).filter((layer) => controls.layers[layer] ?? defaults[layer]);
  set('layers', touched ? on.join(',') : null);
  set('heat', controls.heatWindow === DEFAULT_CONTROLS.heatWindow ? null : controls.heatWindow);
  set('kpi', controls.kpi === DEFAULT_CONTROLS.kpi ? null : controls.kpi);
  set('legend', controls.legendOpen ? 'open' : null);
  const text = query.toString().replaceAll('%2C', ',');
  return text === '' ? '' : `?${text}`;
};
