import { ROUTES } from '../shared/contract/http';
import { pointOnSurface, type Position } from './pointOnSurface';

/** A grid the bench reports into: its code, its region path and a point inside it. */
export interface BenchGrid {
  code: string;
  path: string[];
  point: Position;
}

/** What the bench needs of the county: grids to report into, regions for screens to watch. */
export interface CountyLayout {
  county: string;
  streets: string[];
  communities: string[];
  grids: BenchGrid[];
}

interface FeatureCollection {
  features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } }[];
}

const CODE_LENGTHS = [6, 9, 12, 15, 17];

const fetchLevel = async (baseUrl: string, level: string): Promise<FeatureCollection> => {
  const response = await fetch(`${baseUrl}${ROUTES.regions}?level=${level}`);
  if (!response.ok) throw new Error(`GET regions?level=${level}: ${response.status}`);
  return (await response.json()) as FeatureCollection;
};

const outerRing = (geometry: { type: string; coordinates: unknown }): Position[] => {
  if (geometry.type === 'Polygon') return (geometry.coordinates as Position[][])[0] ?? [];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Position[][][])[0]?.[0] ?? [];
  return [];
};

/** Reads the county the way a client does (the regions API, GeoJSON) from a running server. */
export const loadCountyLayout = async (baseUrl: string): Promise<CountyLayout> => {
  const [county, streets, communities, grids] = await Promise.all(
    ['county', 'street', 'community', 'grid'].map((level) => fetchLevel(baseUrl, level)),
  );
  const codes = (collection: FeatureCollection | undefined) => (collection?.features ?? []).map((f) => f.properties.code);
  const countyCode = codes(county)[0];
  if (!countyCode) throw new Error('the regions API returned no county');
  const known = new Set([...codes(streets), ...codes(communities)]);
  const benchGrids: BenchGrid[] = [];
  for (const feature of grids?.features ?? []) {
    const point = pointOnSurface(outerRing(feature.geometry));
    const code = feature.properties.code;
    const path = CODE_LENGTHS.map((n) => code.slice(0, n));
    // The bare server derives the path the same way; a code scheme change must fail here, loudly.
    if (!known.has(path[1] ?? '') || !known.has(path[2] ?? '')) throw new Error(`grid ${code}: its code prefixes are not a street and a community`);
    if (point) benchGrids.push({ code, point, path });
  }
  if (benchGrids.length === 0) throw new Error('the regions API returned no usable grid');
  return { county: countyCode, streets: codes(streets), communities: codes(communities), grids: benchGrids };
};
