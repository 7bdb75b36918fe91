import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { STATION_STATUSES, type Station } from '../../../shared/domain/station';
import type { LiveFeature } from '../binding/diffFeatures';
import { LABEL_FONT_BOLD } from '../style/labelFonts';
import type { LiveLayer } from '../binding/liveLayer';
import { PALETTE, STATION_STATUS_COLOURS } from '../style/palette';
import { pointFeature } from '../binding/pointFeature';
import { stationIconId } from '../style/stationIcons';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

/** The live source this layer fills (created empty by the offline style, from the registry). */
export const STATION_MARKERS_SOURCE = 'station-markers';

// Service stations (阵地): the shape says what kind of station it is, the colour whether it is open,
// on extended hours, closed or faulty, and the number beside it how many people are on duty (值班).

export const buildStationMarkers = (stations: Iterable<Station>): LiveFeature[] => {
  const features: LiveFeature[] = [];
  for (const station of stations) {
    features.push(
      pointFeature(station.location, {
        id: station.id,
        icon: stationIconId(station.type),
        status: station.status,
        onDuty: station.onDutyCount,
        // The main service centres draw first and bigger: they anchor the 15-minute circles.
        major: station.type === 'party_service_center' || station.type === 'neighbourhood_center',
      }),
    );
  }
  return features;
};

const statusColour = [
  'match',
  ['get', 'status'],
  ...STATION_STATUSES.flatMap((status) => [status, STATION_STATUS_COLOURS[status]]),
  STATION_STATUS_COLOURS.closed,
] as unknown as ExpressionSpecification;

export const stationMarkerLayer: SymbolLayerSpecification = {
  id: 'station-markers',
  type: 'symbol',
  source: STATION_MARKERS_SOURCE,
  layout: {
    'icon-image': ['get', 'icon'],
    'icon-size': ['interpolate', ['linear'], ['zoom'], 8, ['case', ['get', 'major'], 0.55, 0.4], 14, ['case', ['get', 'major'], 1, 0.8]],
    // A station never disappears behind a label or another station: a wall must show all of them.
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
    'symbol-sort-key': ['case', ['get', 'major'], 0, 1],
    'text-field': ['case', ['>', ['get', 'onDuty'], 0], ['to-string', ['get', 'onDuty']], ''],
    'text-font': LABEL_FONT_BOLD,
    'text-size': ['interpolate', ['linear'], ['zoom'], 11, 11, 15, 16],
    'text-anchor': 'left',
    'text-offset': [0.9, 0],
    'text-optional': true,
  },
  paint: {
    // At county scale only the main centres show; the small rooms and stations join as the view closes in.
    'icon-opacity': ['interpolate', ['linear'], ['zoom'], 10, ['case', ['get', 'major'], 1, 0], 11, 1],
    'icon-color': statusColour,
    'icon-halo-color': PALETTE.textHalo,
    'icon-halo-width': 2,
    'text-color': '#ffffff',
    'text-halo-color': PALETTE.textHalo,
    'text-halo-width': 1.6,
    // The on-duty count is a detail for a closer view; at county scale it would only be clutter.
    'text-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0, 11.5, 1],
  },
};

export const createStationMarkers = (): LiveLayer => ({
  name: 'stations',
  layerIds: [stationMarkerLayer.id],
  visible: (input) => input.visibility.stations,
  dependencies: (input) => [input.entities, input.version],
  apply: (target, input) => target.setFeatures(STATION_MARKERS_SOURCE, buildStationMarkers(input.entities.stations.values())),
});

export const stationMarkers = {
  id: 'stationMarkers',
  toggle: { id: 'stations', defaultVisible: true, legend: 'stations', swatch: Object.values(STATION_STATUS_COLOURS) },
  styleLayers: { marker: [stationMarkerLayer] },
  sources: { stationMarkers: STATION_MARKERS_SOURCE },
  create: createStationMarkers,
} satisfies MapLayerDescriptor;
