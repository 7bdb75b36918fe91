import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { RegionLevel } from '../../../shared/domain/region';
import type { LiveInput, LiveLayer } from '../binding/liveLayer';
import { PALETTE, SCOPE_HIGHLIGHT } from '../style/palette';
import { shapeSource } from '../regions/regionSources';
import type { RegionIndex } from '../regions/regionIndex';
import { scopeStates, type ScopeStates } from '../binding/scopeStates';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

// The screen's scope (the region a leader drilled into): everything outside it is dimmed and its own
// outline is drawn bright, by feature-state on the polygons already loaded, never by new geometry.

const SCOPE_LEVELS: readonly RegionLevel[] = ['street', 'community', 'compound', 'grid'];

const dimLayer = (level: RegionLevel): FillLayerSpecification => ({
  id: `scope-dim-${level}`,
  type: 'fill',
  source: shapeSource(level),
  paint: {
    'fill-color': PALETTE.ground,
    'fill-opacity': ['case', ['boolean', ['feature-state', 'outside'], false], 0.6, 0],
  },
});

const outlineLayer = (level: RegionLevel): LineLayerSpecification => ({
  id: `scope-outline-${level}`,
  type: 'line',
  source: shapeSource(level),
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': SCOPE_HIGHLIGHT,
    'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 15, 4.5],
    'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0],
  },
});

export const scopeDimLayers: readonly FillLayerSpecification[] = SCOPE_LEVELS.map(dimLayer);
export const scopeOutlineLayers: readonly LineLayerSpecification[] = SCOPE_LEVELS.map(outlineLayer);

/** The style layers with anything to draw for these states: a dim layer per level with regions outside, an outline for the scope's level. */
export const scopeLayersShown = (index: RegionIndex, states: ScopeStates): ReadonlySet<string> => {
  const shown = new Set<string>();
  for (const code of states.outside) {
    const level = index.get(code)?.level;
    if (level) shown.add(`scope-dim-${level}`);
  }
  for (const code of states.selected) {
    const level = index.get(code)?.level;
    if (level) shown.add(`scope-outline-${level}`);
  }
  return shown;
};

export const createScopeHighlight = (): LiveLayer => {
  // Computed once per scope: the binding asks for every style layer on every update, and apply reuses it.
  let memo: { scope: string; regions: RegionIndex; states: ScopeStates; shown: ReadonlySet<string> } | null = null;
  const scopeOf = (input: LiveInput) => {
    if (memo?.scope !== input.scope || memo.regions !== input.regions) {
      const states = scopeStates(input.regions, input.scope);
      memo = { scope: input.scope, regions: input.regions, states, shown: scopeLayersShown(input.regions, states) };
    }
    return memo;
  };
  return {
    name: 'scope',
    layerIds: [...scopeDimLayers, ...scopeOutlineLayers].map((layer) => layer.id),
    visible: () => true,
    // At the county scope nothing is dimmed or outlined: eight transparent passes over every polygon saved.
    layerShown: (layerId, input) => scopeOf(input).shown.has(layerId),
    dependencies: (input) => [input.scope, input.regions],
    apply: (target, input) => {
      const { states } = scopeOf(input);
      target.setRegionStates('selected', new Map([...states.selected].map((code) => [code, true])));
      target.setRegionStates('outside', new Map([...states.outside].map((code) => [code, true])));
    },
  };
};

export const scopeHighlight = {
  id: 'scopeHighlight',
  styleLayers: { tint: scopeDimLayers, outline: scopeOutlineLayers },
  sources: {},
  create: createScopeHighlight,
} satisfies MapLayerDescriptor;
