import type { Feature, Polygon, Position } from 'geojson';
import type { DataDrivenPropertyValueSpecification, LayerSpecification, MapLibreMap, SourceSpecification } from 'maplibre-gl';
import type { BasemapInfo } from '../../../shared/contract/basemap';
import { fetchBasemapInfo } from '../../api/fetchBasemapInfo';
import { MAP_LAYERS } from '../layers/index';
import { boundsOf } from '../regions/boundsOf';
import type { RegionsByLevel } from '../regions/showRegions';
import { BASEMAP_LAYER_PREFIX, BASEMAP_SOURCE, basemapLayers, rasterBasemapLayer } from '../style/basemapStyle';
import { PALETTE } from '../style/palette';
import { mapScaleOf, scaleLayer, scaleValue } from '../style/screenScale';
import { useShiftedBasemap } from './basemapProtocol';

type TiledInfo = Exclude<BasemapInfo, { kind: 'none' }>;

const MASK_SOURCE = 'basemap-mask';
/** Share of the county's size the tiles reach beyond its bounding box, so its edge is never bare. */
const BOUNDS_MARGIN = 0.05;

/**
 * Region fills drawn over a basemap: see-through, so the roads and rivers show under the streets
 * (without a basemap they stay as opaque as they are in their style files).
 */
const FILL_OPACITY_OVER_BASEMAP: Record<string, DataDrivenPropertyValueSpecification<number>> = {
  'street-fill': 0.2,
  'community-fill': ['interpolate', ['linear'], ['zoom'], 9, 0.12, 13, 0.1],
  'context-fill': 0.85,
};

/** The source: tiles straight from our origin when they share the display's datum, else moved onto it in the page. */
const sourceOf = (info: TiledInfo, bounds: [number, number, number, number]): SourceSpecification => {
  const direct = 'pmtiles' in info.source ? `pmtiles://${new URL(info.source.pmtiles, window.location.origin).href}/{z}/{x}/{y}` : info.source.tiles;
  const tiles = [info.datum === 'gcj02' ? direct : useShiftedBasemap(info)];
  const common = { tiles, minzoom: info.minzoom, maxzoom: info.maxzoom, bounds };
  return info.kind === 'vector' ? { type: 'vector', ...common } : { type: 'raster', tileSize: info.tileSize, ...common };
};

/** Twice the signed area (shoelace): positive for a counter-clockwise ring in lng/lat. */
const signedArea = (ring: Position[]): number =>
  ring.reduce((sum, [x = 0, y = 0], i) => {
    const [nx = 0, ny = 0] = ring[(i + 1) % ring.length] ?? [];
    return sum + x * ny - nx * y;
  }, 0);

/**
 * Everything outside the county, in the ground colour: the basemap shows inside the county only.
 * MapLibre tells a hole from another outer ring by its winding (opposite to the first ring's), so each
 * hole is wound clockwise against the counter-clockwise world, whatever the county's file said.
 */
const maskOutside = (regions: RegionsByLevel): Feature<Polygon> => {
  const holes: Position[][] = [];
  const addHole = (ring: Position[] | undefined) => ring && holes.push(signedArea(ring) > 0 ? [...ring].reverse() : ring);
  for (const feature of regions.county.features) {
    const geometry = feature.geometry;
    if (geometry.type === 'Polygon') addHole(geometry.coordinates[0]);
    if (geometry.type === 'MultiPolygon') for (const polygon of geometry.coordinates) addHole(polygon[0]);
  }
  const world: Position[] = [[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]];
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [world, ...holes] } };
};

const addBasemap = (map: MapLibreMap, info: TiledInfo, regions: RegionsByLevel): void => {
  const box = boundsOf(regions.county);
  if (!box) return;
  const [[west, south], [east, north]] = box;
  const marginX = (east - west) * BOUNDS_MARGIN;
  const marginY = (north - south) * BOUNDS_MARGIN;
  map.addSource(BASEMAP_SOURCE, sourceOf(info, [west - marginX, south - marginY, east + marginX, north + marginY]));
  map.addSource(MASK_SOURCE, { type: 'geojson', data: maskOutside(regions) });
  // Right above the ground, under every region, heat and marker layer of the registry.
  const beforeId = MAP_LAYERS.find((layer) => layer.type !== 'background')?.id;
  const scale = mapScaleOf(map);
  const layers: LayerSpecification[] = [
    ...(info.kind === 'vector' ? basemapLayers() : [rasterBasemapLayer()]),
    { id: `${BASEMAP_LAYER_PREFIX}mask`, type: 'fill', source: MASK_SOURCE, paint: { 'fill-color': PALETTE.ground } },
  ];
  for (const layer of layers) map.addLayer(scaleLayer(layer, scale), beforeId);
  for (const [id, opacity] of Object.entries(FILL_OPACITY_OVER_BASEMAP)) {
    if (map.getLayer(id)) map.setPaintProperty(id, 'fill-opacity', scaleValue(opacity, false, scale) as DataDrivenPropertyValueSpecification<number>);
  }
};

/**
 * Adds the server's basemap (BASEMAP, README "Offline basemap") under the regions of a loaded map.
 * With none configured, or a server that cannot say, the map stays exactly as its offline style
 * draws it: a basemap is a backdrop, never a reason for the wall not to come up.
 */
export const installBasemap = async (map: MapLibreMap, regions: RegionsByLevel): Promise<void> => {
  let info: BasemapInfo;
  try {
    info = await fetchBasemapInfo();
  } catch (error) {
    console.error('the basemap could not be described; drawing without it', error);
    return;
  }
  if (info.kind !== 'none') addBasemap(map, info, regions);
};
