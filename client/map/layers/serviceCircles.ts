import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { Station } from '../../../shared/domain/station';
import type { LiveFeature } from '../binding/diffFeatures';
import type { LiveLayer } from '../binding/liveLayer';
import { SERVICE_CIRCLE_COLOUR, UNDERSERVED_COLOUR } from '../style/palette';
import type { RegionIndex } from '../regions/regionIndex';
import { shapeSource } from '../regions/regionSources';
import { SERVICE_CIRCLE_TYPES, WALK_RADIUS_M, circlePolygon, outsideEveryCircle, type LngLatPair } from '../binding/serviceCoverage';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

/** The live source this layer fills (created empty by the offline style, from the registry). */
export const SERVICE_CIRCLES_SOURCE = 'service-circles';

// The planning view of the 15-minute service circle (15分钟便民服务圈): a walking radius around each
// service station, and the compounds left outside all of them highlighted as the gaps to close.

export interface ServiceCoverage {
  circles: LiveFeature[];
  /** Compounds whose label point lies outside every circle. */
  underserved: string[];
}

export const buildServiceCoverage = (stations: Iterable<Station>, regions: RegionIndex, radiusM = WALK_RADIUS_M): ServiceCoverage => {
  const centres: LngLatPair[] = [];
  const circles: LiveFeature[] = [];
  for (const station of stations) {
    if (!SERVICE_CIRCLE_TYPES.has(station.type)) continue;
    const centre: LngLatPair = [station.location.lng, station.location.lat];
    centres.push(centre);
    circles.push({ type: 'Feature', properties: { id: station.id }, geometry: circlePolygon(centre, radiusM) });
  }
  const compounds = regions
    .atLevel('compound')
    .flatMap((region) => (region.labelPoint ? [{ code: region.code, point: region.labelPoint }] : []));
  return { circles, underserved: outsideEveryCircle(compounds, centres, radiusM) };
};

/** The compounds the service circles leave out, for the legend to name (the same test the layer tints them by). */
export const serviceGapsOf = (stations: Iterable<Station>, regions: RegionIndex): string[] => buildServiceCoverage(stations, regions).underserved;

export const serviceCircleFill: FillLayerSpecification = {
  id: 'service-circle-fill',
  type: 'fill',
  source: SERVICE_CIRCLES_SOURCE,
  paint: { 'fill-color': SERVICE_CIRCLE_COLOUR, 'fill-opacity': 0.1 },
};

export const serviceCircleLine: LineLayerSpecification = {
  id: 'service-circle-line',
  type: 'line',
  source: SERVICE_CIRCLES_SOURCE,
  paint: { 'line-color': SERVICE_CIRCLE_COLOUR, 'line-opacity': 0.55, 'line-width': 1.2, 'line-dasharray': [2, 2] },
};

/** The gaps: compounds outside every circle, outlined and tinted (feature-state `underserved`). */
export const underservedCompoundFill: FillLayerSpecification = {
  id: 'underserved-compound-fill',
  type: 'fill',
  source: shapeSource('compound'),
  paint: {
    'fill-color': UNDERSERVED_COLOUR,
    'fill-opacity': ['case', ['boolean', ['feature-state', 'underserved'], false], 0.7, 0],
    'fill-outline-color': UNDERSERVED_COLOUR,
  },
};

export const createServiceCircles = (): LiveLayer => {
  // Circles move only when stations are added or moved, never with a status change: keyed by position.
  let key = '';
  let coverage: ServiceCoverage = { circles: [], underserved: [] };
  return {
    name: 'serviceCircles',
    layerIds: [serviceCircleFill.id, serviceCircleLine.id, underservedCompoundFill.id],
    visible: (input) => input.visibility.serviceCircles,
    dependencies: (input) => [input.entities, input.version, input.regions],
    apply: (target, input) => {
      const stations = [...input.entities.stations.values()].filter((station) => SERVICE_CIRCLE_TYPES.has(station.type));
      const nextKey = stations.map((s) => `${s.id}@${s.location.lng},${s.location.lat}`).join('|');
      if (nextKey !== key || coverage.circles.length === 0) coverage = buildServiceCoverage(stations, input.regions);
      key = nextKey;
      target.setFeatures(SERVICE_CIRCLES_SOURCE, coverage.circles);
      target.setRegionStates('underserved', new Map(coverage.underserved.map((code) => [code, true])));
    },
  };
};

export const serviceCircles = {
  id: 'serviceCircles',
  toggle: { id: 'serviceCircles', defaultVisible: false, legend: 'serviceCircles', swatch: [SERVICE_CIRCLE_COLOUR, UNDERSERVED_COLOUR] },
  styleLayers: { tint: [serviceCircleFill, underservedCompoundFill], outline: [serviceCircleLine] },
  sources: { serviceCircles: SERVICE_CIRCLES_SOURCE },
  create: createServiceCircles,
} satisfies MapLayerDescriptor;
