import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { Polygonal } from '../../shared/logic/geo/polygonal';

/** The committed reference data (see data/README.md), resolved from this file so any working directory works. */
export const REFERENCE_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export const COUNTY_CODE = '350121';

export interface ReferenceDivision {
  code: string;
  name: string;
}

export interface ReferenceStreet extends ReferenceDivision {
  communities: ReferenceDivision[];
  villages: ReferenceDivision[];
}

export interface ReferenceCounty extends ReferenceDivision {
  geometry: Polygonal;
  /** The county seat as the reference data gives it ([lng, lat]). */
  seat: Position;
}

export interface ReferenceData {
  county: ReferenceCounty;
  /** The other county-level divisions of the city, drawn around the county for context. */
  neighbours: ReferenceCounty[];
  streets: ReferenceStreet[];
}

interface CountyProperties {
  name: string;
  code: string;
  center: Position;
}

const isCountyFeature = (feature: Feature): feature is Feature<Polygonal, CountyProperties> => {
  const props = feature.properties as Partial<CountyProperties> | null;
  const type = feature.geometry?.type;
  return (type === 'Polygon' || type === 'MultiPolygon') && typeof props?.code === 'string' && typeof props.name === 'string' && Array.isArray(props.center);
};

const toCounty = (feature: Feature<Polygonal, CountyProperties>): ReferenceCounty => ({
  code: feature.properties.code,
  name: feature.properties.name,
  geometry: feature.geometry,
  seat: feature.properties.center,
});

const isDivision = (value: unknown): value is ReferenceDivision =>
  typeof value === 'object' && value !== null && typeof (value as ReferenceDivision).code === 'string' && typeof (value as ReferenceDivision).name === 'string';

const readStreets = (raw: unknown): ReferenceStreet[] => {
  const streets = (raw as { streets?: unknown }).streets;
  if (!Array.isArray(streets)) throw new Error('minhou-divisions.json: no streets list');
  return streets.map((street: Partial<ReferenceStreet>) => {
    const communities = street.communities ?? [];
    const villages = street.villages ?? [];
    if (!isDivision(street) || !communities.every(isDivision) || !villages.every(isDivision)) {
      throw new Error(`minhou-divisions.json: malformed street ${JSON.stringify(street.code)}`);
    }
    return { code: street.code, name: street.name, communities, villages };
  });
};

/** Reads and shape-checks the two reference files; fails loudly, because everything downstream depends on them. */
export const readReferenceData = (dataDir: string = REFERENCE_DATA_DIR): ReferenceData => {
  const counties = JSON.parse(readFileSync(join(dataDir, 'fuzhou-counties.geojson'), 'utf8')) as FeatureCollection;
  const divisions: unknown = JSON.parse(readFileSync(join(dataDir, 'minhou-divisions.json'), 'utf8'));
  const features = counties.features.filter(isCountyFeature);
  const county = features.find((feature) => feature.properties.code === COUNTY_CODE);
  if (!county) throw new Error(`fuzhou-counties.geojson: county ${COUNTY_CODE} not found`);
  return {
    county: toCounty(county),
    neighbours: features.filter((feature) => feature !== county).map(toCounty),
    streets: readStreets(divisions),
  };
};
