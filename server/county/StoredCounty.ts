import type { Region } from '../../shared/domain/region';
import type { Station } from '../../shared/domain/station';
import type { MapLevel, RegionFeatureCollection } from './CountyIndex';

/**
 * The imported county as stored in DATA_DIR/county.json. Coordinates are WGS-84 (EPSG:4326, lng/lat),
 * whatever datum the county's files came in; the server converts them to its display datum (GCJ-02,
 * like the sample county and the ingest API's default) when it loads them.
 */
export interface StoredCounty {
  format: 'jinlin-county';
  version: 1;
  datum: 'WGS84';
  importedAt: string;
  /** The files and datums it was imported from, for the record. */
  sources: { file: string; crs: string }[];
  regions: Region[];
  features: Record<MapLevel, RegionFeatureCollection>;
  stations: Station[];
}

export const STORED_COUNTY_VERSION = 1;
