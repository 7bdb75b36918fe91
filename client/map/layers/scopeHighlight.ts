import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { RegionLevel } from '../../../shared/domain/region';
import type { LiveLayer } from '../liveLayer';
import { PALETTE, SCOPE_HIGHLIGHT } from '../palette';
import { shapeSource } from '../regionSources';
import { scopeStates } from '../scopeStates';

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

export const createScopeHighlight = (): LiveLayer => ({
  name: 'scope',
  layerIds: [...scopeDimLayers, ...scopeOutlineLayers].map((layer) => layer.id),
  visible: () => true,
  dependencies: (input) => [input.scope, input.regions],
  apply: (target, input) => {
    const states = scopeStates(input.regions, input.scope);
    target.setRegionStates('selected', new Map([...states.selected].map((code) => [code, true])));
    target.setRegionStates('outside', new Map([...states.outside].map((code) => [code, true])));
  },
});
