import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import type { MapLevel } from '../../api/fetchRegions';

/** Every level drawn on the map, coarse to fine; each has a polygon source and a label-point source. */
export const MAP_LEVELS: readonly MapLevel[] = ['context', 'county', 'street', 'community', 'compound', 'grid'];

/** Source of a level's polygons (fills and outlines). */
export const shapeSource = (level: MapLevel): string => `${level}-shapes`;

/**
 * Source of one label point per region. Labels are not placed on the polygons themselves because
 * MapLibre places polygon labels per tile, so a region crossing a tile edge would be named twice.
 */
export const labelSource = (level: MapLevel): string => `${level}-labels`;

/**
 * Sources start empty and get their data pushed in once fetched. `promoteId: 'code'` makes the region
 * code the feature id, which is what feature-state (choropleths, highlights) is keyed by.
 */
export const emptyRegionSource = (): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
  promoteId: 'code',
});
