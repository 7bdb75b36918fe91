import type { TourStop } from '../../shared/contract/demo';
import type { PanelId } from '../panels/panelIds';
import type { ChoroplethMetric, LayerVisibility } from '../map/binding/mapInput';
import { onlyLayers } from '../map/layers/index';

/** What a stop switches while it shows: layers, the choropleth (null: the operator's) and the panels to glow. */
export interface StopHighlights {
  visibility: Partial<LayerVisibility>;
  choropleth: ChoroplethMetric | null;
  panels: ReadonlySet<PanelId>;
}

/** No stop: nothing overridden, the wall shows the operator's own controls (stores/useViewStore.ts). */
export const NO_HIGHLIGHTS: StopHighlights = { visibility: {}, choropleth: null, panels: new Set() };

/**
 * A stop that names layers shows exactly those and its own choropleth (or none), so the story it
 * tells is not drowned by the rest (the volunteers' heat without the incidents' red); one that names
 * none leaves the layers, and unless it names a choropleth the choropleth, to the operator.
 * No stop (free roam, the tour over, `?tour=off`) overrides nothing.
 */
export const stopHighlights = (stop: TourStop | null): StopHighlights => {
  if (!stop) return NO_HIGHLIGHTS;
  const named = new Set<string>(stop.highlight.layers);
  const curated = named.size > 0;
  return {
    visibility: curated ? onlyLayers(named) : {},
    choropleth: stop.highlight.choropleth ?? (curated ? 'none' : null),
    panels: new Set(stop.highlight.panels),
  };
};
