import type { SourceCrs } from './ImportSource';

/** The datum a Shapefile .prj (WKT) names; 'projected' for projected systems, which the importer refuses. */
export const crsOfPrj = (wkt: string): SourceCrs | 'projected' | null => {
  const text = wkt.toUpperCase();
  if (text.startsWith('PROJCS') || text.includes('PROJCRS')) return 'projected';
  if (text.includes('CGCS2000') || text.includes('CHINA_GEODETIC_COORDINATE_SYSTEM_2000') || text.includes('CHINA 2000')) return 'cgcs2000';
  if (text.includes('WGS_1984') || text.includes('WGS 84') || text.includes('WGS84')) return 'wgs84';
  return null;
};

/** The datum of a GeoJSON's legacy `crs` member (GeoJSON 2008), e.g. urn:ogc:def:crs:EPSG::4490. */
export const crsOfGeoJsonMember = (crs: unknown): SourceCrs | 'projected' | null => {
  const name = (crs as { properties?: { name?: unknown } } | null)?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/CRS84|EPSG:{1,2}4326$/i.test(name)) return 'wgs84';
  if (/EPSG:{1,2}4490$/i.test(name)) return 'cgcs2000';
  if (/EPSG:{1,2}(3857|900913|45[0-9]{2})$/i.test(name)) return 'projected';
  return null;
};
