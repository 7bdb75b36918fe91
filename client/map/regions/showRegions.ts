import type { GeoJSON } from 'geojson';
import type { GeoJSONSource, MapLibreMap } from 'maplibre-gl';
import type { MapLevel, RegionCollection } from '../../api/fetchRegions';
import { boundsOf } from './boundsOf';
import { labelPointsOf } from './labelPointsOf';
import { MAP_LEVELS, labelSource, shapeSource } from './regionSources';

export type RegionsByLevel = Record<MapLevel, RegionCollection>;

/** Margin around the county when fitted, as a share of the smaller side of the screen. */
const FIT_MARGIN_SHARE = 0.04;

/** The margin left around a fitted region, in CSS px. */
export const fitMarginPx = (map: MapLibreMap): number => {
  const container = map.getContainer();
  return Math.round(Math.min(container.clientWidth, container.clientHeight) * FIT_MARGIN_SHARE);
};

const setSourceData = async (map: MapLibreMap, sourceId: string, data: GeoJSON): Promise<void> => {
  const source = map.getSource<GeoJSONSource>(sourceId);
  if (!source) throw new Error(`the style has no source ${sourceId}`);
  await source.setData(data);
};

/** Where to look instead of the whole county: the view of a map that is being rebuilt. */
export interface SavedCamera {
  center: [number, number];
  zoom: number;
}

/**
 * Pushes every level's polygons and label points into the (loaded) map, fits the view to the county
 * (or puts it back where a rebuilt map was) and resolves once the map has drawn all of it (`idle`).
 */
export const showRegions = async (map: MapLibreMap, regions: RegionsByLevel, camera?: SavedCamera): Promise<void> => {
  await Promise.all(
    MAP_LEVELS.flatMap((level) => [
      setSourceData(map, shapeSource(level), regions[level]),
      setSourceData(map, labelSource(level), labelPointsOf(regions[level])),
    ]),
  );
  if (camera) {
    map.jumpTo(camera);
  } else {
    const countyBounds = boundsOf(regions.county);
    if (!countyBounds) throw new Error('the county has no geometry to fit the map to');
    map.fitBounds(countyBounds, { padding: fitMarginPx(map), animate: false });
  }
  // Ask for a frame so that `idle` follows even if the view did not move.
  const idle = map.once('idle');
  map.triggerRepaint();
  await idle;
};
