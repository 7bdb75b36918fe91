import { readFile } from 'node:fs/promises';
import type { Position } from 'geojson';
import { wgs84ToGcj02 } from '../../shared/logic/geo/gcj02';
import type { CountyData, RegionFeature } from './CountyIndex';
import { importedCountyPath } from './importedCountyFile';
import { STORED_COUNTY_VERSION, type StoredCounty } from './StoredCounty';

const toDisplay = (position: Position): Position => wgs84ToGcj02(position[0]!, position[1]!);

const mapCoordinates = (coordinates: unknown): unknown =>
  typeof (coordinates as unknown[])[0] === 'number' ? toDisplay(coordinates as Position) : (coordinates as unknown[]).map(mapCoordinates);

const displayFeature = (feature: RegionFeature): RegionFeature => ({
  ...feature,
  geometry: { ...feature.geometry, coordinates: mapCoordinates(feature.geometry.coordinates) },
});

/**
 * The imported county in DATA_DIR, moved from its stored datum (WGS-84) to the display datum the
 * rest of the server works in (GCJ-02: region polygons, incident positions, station positions), with
 * the same transform ingest applies to WGS-84 reports, so a phone's GPS fix lands where it should.
 * Null when there is none; a file of another format or version refuses the start.
 */
export const readImportedCounty = async (dataDir: string): Promise<CountyData | null> => {
  const path = importedCountyPath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const stored = JSON.parse(text) as StoredCounty;
  if (stored.format !== 'jinlin-county' || stored.version !== STORED_COUNTY_VERSION || stored.datum !== 'WGS84') {
    throw new Error(`${path} is not an imported county of format version ${STORED_COUNTY_VERSION}; import it again (npm run import)`);
  }
  const features = Object.fromEntries(
    Object.entries(stored.features).map(([level, collection]) => [level, { type: 'FeatureCollection', features: collection.features.map(displayFeature) }]),
  ) as CountyData['features'];
  return {
    regions: stored.regions.map((region) => ({ ...region, centroid: toDisplay(region.centroid) as [number, number] })),
    features,
    stations: stored.stations.map((station) => {
      const [lng, lat] = toDisplay([station.location.lng, station.location.lat]) as [number, number];
      return { ...station, location: { lng, lat } };
    }),
    imported: true,
  };
};
