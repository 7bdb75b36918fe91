import type { TourStop } from '../../shared/contract/demo';
import type { PanelId } from '../panels/panelIds';
import type { ChoroplethMetric, LayerVisibility } from '../map/binding/mapInput';
import { DEFAULT_VISIBILITY, onlyLayers } from '../map/layers/index';

/** What the wall switches on for a stop: live layers, the choropleth and the panels to glow. */
export interface StopHighlights {
  visibility: LayerVisibility;
  choropleth: ChoroplethMetric;
  panels: ReadonlySet<PanelId>;
}

/** The wall as it is without a tour: default layers, no choropleth, no glowing panel. */
export const NO_HIGHLIGHTS: StopHighlights = { visibility: DEFAULT_VISIBILITY, choropleth: 'none', panels: new Set() };

/**
 * A stop that names layers shows exactly those, so the story it tells is not drowned by the rest
 * (the volunteers' heat without the incidents' red); one that names none keeps the wall's defaults.
 * No stop (free roam, the tour over, `?tour=off`) undoes every highlight.
 */
export const stopHighlights = (stop: TourStop | null): StopHighlights => {
  if (!stop) return NO_HIGHLIGHTS;
  const named = new Set<string>(stop.highlight.layers);
  const visibility = named.size === 0 ? DEFAULT_VISIBILITY : onlyLayers(named);
  return { visibility, choropleth: stop.highlight.choropleth ?? 'none', panels: new Set(stop.highlight.panels) };
};
