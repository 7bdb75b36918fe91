/**
 * WGS-84 ⇄ GCJ-02, the published obfuscation transform Chinese web maps (and our reference
 * outlines) use. Field devices report WGS-84 (GPS); the map and the grid polygons are GCJ-02,
 * so ingest converts before the point-in-grid lookup. Constants are the original ones
 * (Krasovsky semi-major axis); outside China the transform is the identity.
 */
export type LngLatPair = [lng: number, lat: number];

const SEMI_MAJOR_AXIS = 6378245.0;
const ECCENTRICITY_SQUARED = 0.006693421622965943;

/** The published rectangle: GCJ-02 offsets apply inside it only. */
export const isInsideChina = (lng: number, lat: number): boolean => lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;

const offsetLat = (x: number, y: number): number => {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  ret += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  ret += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y / 30) * Math.PI)) * 2) / 3;
  return ret;
};

const offsetLng = (x: number, y: number): number => {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  ret += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  ret += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return ret;
};

/** The GCJ-02 offset (degrees) at a WGS-84 position. */
const delta = (lng: number, lat: number): LngLatPair => {
  const radLat = (lat / 180) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - ECCENTRICITY_SQUARED * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(lng - 105, lat - 35) * 180) / (((SEMI_MAJOR_AXIS * (1 - ECCENTRICITY_SQUARED)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(lng - 105, lat - 35) * 180) / ((SEMI_MAJOR_AXIS / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLng, dLat];
};

export const wgs84ToGcj02 = (lng: number, lat: number): LngLatPair => {
  if (!isInsideChina(lng, lat)) return [lng, lat];
  const [dLng, dLat] = delta(lng, lat);
  return [lng + dLng, lat + dLat];
};

/**
 * The inverse, by fixed-point iteration (the offset varies slowly, so it converges to well under
 * a millimetre in a handful of steps); there is no closed form.
 */
export const gcj02ToWgs84 = (lng: number, lat: number): LngLatPair => {
  if (!isInsideChina(lng, lat)) return [lng, lat];
  let wgsLng = lng;
  let wgsLat = lat;
  for (let i = 0; i < 30; i++) {
    const [gcjLng, gcjLat] = wgs84ToGcj02(wgsLng, wgsLat);
    const errLng = gcjLng - lng;
    const errLat = gcjLat - lat;
    wgsLng -= errLng;
    wgsLat -= errLat;
    if (Math.abs(errLng) < 1e-10 && Math.abs(errLat) < 1e-10) break;
  }
  return [wgsLng, wgsLat];
};

/**
 * A position in any datum the ingest API accepts, converted to the display datum. CGCS2000 (the
 * national geodetic datum, what Beidou receivers report) is within centimetres of WGS-84, so it
 * takes the same transform.
 */
export const toDisplayDatum = (lng: number, lat: number, crs: 'wgs84' | 'cgcs2000' | 'gcj02'): LngLatPair =>
  crs === 'gcj02' ? [lng, lat] : wgs84ToGcj02(lng, lat);
