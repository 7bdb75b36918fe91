import type { ExpressionSpecification, FillLayerSpecification } from 'maplibre-gl';
import type { RegionLevel } from '../../../shared/domain/region';
import { CHOROPLETH_LEVELS, choroplethValues } from '../binding/choroplethValues';
import type { LiveLayer } from '../binding/liveLayer';
import { CHOROPLETH_RAMP } from '../style/palette';
import { regionFigures } from '../binding/regionFigures';
import { shapeSource } from '../regions/regionSources';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

// The selected metric (open incidents per 1,000 households, or the overdue rate) painted on the
// communities, compounds and grids. The polygons are already on the GPU: only a number per region
// changes, as feature-state, so a new incident recolours one grid without re-sending any geometry.

/** The level a metric is painted on at each zoom: the one whose regions fill the view best. */
const ZOOM_RANGES: Readonly<Record<string, { minzoom?: number; maxzoom?: number }>> = {
  community: { maxzoom: 12.5 },
  compound: { minzoom: 12.5, maxzoom: 14.5 },
  grid: { minzoom: 14.5 },
};

const metric: ExpressionSpecification = ['coalesce', ['feature-state', 'metric'], -1];

/** The ramp's colours at their share (0..1) of the metric's full scale: the fill interpolates between them, the legend shows them. */
export const CHOROPLETH_STOPS: readonly { at: number; colour: string }[] = CHOROPLETH_RAMP.map((colour, i) => ({ at: i / (CHOROPLETH_RAMP.length - 1), colour }));

const RAMP_STOPS = CHOROPLETH_STOPS.flatMap(({ at, colour }) => [at, colour]);

const choroplethLayer = (level: RegionLevel): FillLayerSpecification => ({
  id: `choropleth-${level}`,
  type: 'fill',
  source: shapeSource(level),
  ...ZOOM_RANGES[level],
  paint: {
    'fill-color': ['interpolate', ['linear'], ['max', metric, 0], ...RAMP_STOPS] as ExpressionSpecification,
    // A region without a value (no households) keeps its plain fill underneath.
    'fill-opacity': ['case', ['<', metric, 0], 0, 0.78],
  },
});

export const choroplethLayers: readonly FillLayerSpecification[] = CHOROPLETH_LEVELS.map(choroplethLayer);

export const createChoropleth = (): LiveLayer => ({
  name: 'choropleth',
  layerIds: choroplethLayers.map((layer) => layer.id),
  visible: (input) => input.choropleth !== 'none',
  // The overdue count follows the clock; every 5 s is fresh enough for a colour.
  dependencies: (input) => [input.entities, input.version, input.choropleth, input.regions, Math.floor(input.now / 5000)],
  apply: (target, input) => {
    const figures = regionFigures(input.entities.incidents.values(), input.now);
    target.setRegionStates('metric', choroplethValues(input.choropleth, figures, input.regions));
  },
});

export const choropleth = {
  id: 'choropleth',
  styleLayers: { tint: choroplethLayers },
  sources: {},
  create: createChoropleth,
} satisfies MapLayerDescriptor;
