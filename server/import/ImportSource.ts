import type { Geometry } from 'geojson';
import type { RegionLevel } from '../../shared/domain/region';

/** The datums a county's files come in. CGCS2000 (EPSG:4490) is stored as WGS-84: they differ by well under a metre. */
export const SOURCE_CRS = ['wgs84', 'gcj02', 'cgcs2000', 'bd09'] as const;
export type SourceCrs = (typeof SOURCE_CRS)[number];

/** One feature as read, before any check: properties untouched, geometry in the source datum. */
export interface RawFeature {
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

/** What a file holds, from its name (see README "Importing a county"). */
export type SourceRole = RegionLevel | 'divisions' | 'context' | 'stations' | 'attributes';

export interface FeatureSource {
  file: string;
  role: SourceRole;
  format: 'geojson' | 'shapefile';
  features: RawFeature[];
  /** From a Shapefile's .prj or a GeoJSON `crs` member; null when the file does not say. */
  declaredCrs: SourceCrs | null;
  /** Shapefile rings wind clockwise by that format's own rule: rewinding them is not news. */
  windingByFormat: boolean;
}

export interface TableSource {
  file: string;
  role: 'stations' | 'attributes';
  rows: Record<string, string>[];
  /** 1-based line of each row in the file, for report lines. */
  lineOf: number[];
}

export interface ImportManifest {
  crs?: SourceCrs;
}
