import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerVisibility } from '../binding/mapInput';
import type { LiveLayer } from '../binding/liveLayer';
import { alarmFlash } from './alarmFlash';
import { backgroundLayer } from './background';
import { checkinRipples } from './checkinRipples';
import { choropleth } from './choropleth';
import { countyOutline } from './countyOutline';
import { incidentClusters } from './incidentClusters';
import { incidentHeat } from './incidentHeat';
import { incidentMarkers } from './incidentMarkers';
import { incidentPulse } from './incidentPulse';
import { DRAW_BANDS, type LayerToggle, type MapLayerDescriptor } from './MapLayerDescriptor';
import { regionShapes } from './regionShapes';
import { scopeHighlight } from './scopeHighlight';
import { serviceCircles } from './serviceCircles';
import { stationMarkers } from './stationMarkers';
import { volunteerHeat } from './volunteerHeat';

/**
 * THE registry of map layers, in draw order inside each band (MapLayerDescriptor.ts DRAW_BANDS):
 * a new layer is one descriptor file plus one line here. Heat: volunteers under incidents. Markers:
 * stations, incidents with their pulses, check-in ripples (short-lived), then the alarm flash over
 * everything live: an alarm must never hide under a ripple.
 */
const REGISTRY = [
  backgroundLayer,
  regionShapes,
  choropleth,
  serviceCircles,
  scopeHighlight,
  countyOutline,
  volunteerHeat,
  incidentHeat,
  stationMarkers,
  incidentMarkers,
  incidentClusters,
  incidentPulse,
  checkinRipples,
  alarmFlash,
] as const;
export const MAP_LAYER_REGISTRY: readonly MapLayerDescriptor[] = REGISTRY;

/** Every style layer, bottom to top: band by band, each band in registry order. */
export const MAP_LAYERS: readonly LayerSpecification[] = DRAW_BANDS.flatMap((band) =>
  MAP_LAYER_REGISTRY.flatMap((layer) => layer.styleLayers[band] ?? []),
);

/**
 * A fresh set of live-layer controllers for one map (some keep state, such as the check-ins already
 * seen). They all apply in one synchronous pass before the next frame, so their order never shows.
 */
export const createLiveLayers = (): LiveLayer[] => MAP_LAYER_REGISTRY.flatMap((layer) => (layer.create ? [layer.create()] : []));

/** Every style layer that draws live data (or the scope), for toggles, legends and tests. */
export const LIVE_LAYER_IDS: readonly string[] = createLiveLayers().flatMap((layer) => layer.layerIds);

type Merged<U> = (U extends unknown ? (all: U) => void : never) extends (all: infer I) => void ? I : never;

/** The live sources by name, each declared by the layer that fills it. */
export const LIVE_SOURCES = Object.assign({}, ...REGISTRY.map((layer) => layer.sources)) as Readonly<Merged<(typeof REGISTRY)[number]['sources']>>;
export const LIVE_SOURCE_IDS: readonly string[] = [...new Set(Object.values(LIVE_SOURCES))];

/** Source options some layers add to an empty live source (the incident clusters), by source id. */
export const LIVE_SOURCE_OPTIONS: Readonly<Record<string, Partial<GeoJSONSourceSpecification>>> = Object.assign(
  {},
  ...MAP_LAYER_REGISTRY.map((layer) => layer.sourceOptions ?? {}),
);

/** The switches a screen (and a tour stop) can flip, in registry order. */
export const LAYER_TOGGLES: readonly LayerToggle[] = MAP_LAYER_REGISTRY.flatMap((layer) => (layer.toggle ? [layer.toggle] : []));

/** On by default: what each layer's descriptor says (all but the planning view of the service circles). */
export const DEFAULT_VISIBILITY: LayerVisibility = Object.fromEntries(LAYER_TOGGLES.map((toggle) => [toggle.id, toggle.defaultVisible])) as LayerVisibility;

/** Exactly the named layers on, every other off. */
export const onlyLayers = (named: ReadonlySet<string>): LayerVisibility =>
  Object.fromEntries(LAYER_TOGGLES.map((toggle) => [toggle.id, named.has(toggle.id)])) as LayerVisibility;
