import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SAMPLE_LEVELS, type SampleCounty } from './generateCounty';

/** CSV field: quoted when it holds a comma, a quote or a line break. */
const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const csv = (header: readonly string[], rows: readonly (string | number)[][]): string =>
  `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;

/**
 * Writes the sample county in the import format (see README "Importing a county"), so the generator
 * is one producer among others and `npm run import` reads its output like a county's own files:
 * one GeoJSON per level (GCJ-02, declared in import.json), stations.geojson, grid-attributes.csv.
 */
export const writeImportFormat = async (out: string, county: SampleCounty): Promise<void> => {
  await mkdir(out, { recursive: true });
  // Branches are drawn by chance in the sample, so they are written out rather than left to the importer's rule.
  const branches = new Map(county.regions.map((region) => [region.code, region.hasBranch]));
  for (const level of SAMPLE_LEVELS) {
    const collection = county.features[level];
    const features = collection.features.map((feature) =>
      branches.has(feature.properties.code) ? { ...feature, properties: { ...feature.properties, hasBranch: branches.get(feature.properties.code) } } : feature,
    );
    await writeFile(resolve(out, `${level}.geojson`), JSON.stringify({ ...collection, features }));
  }
  // The generator draws in the display datum (GCJ-02, like the reference outlines); say so.
  await writeFile(resolve(out, 'import.json'), `${JSON.stringify({ crs: 'gcj02', producer: 'jinlin sample generator', seed: county.seed, scale: county.scale }, null, 2)}\n`);
  const stations = county.stations.map((station) => ({
    type: 'Feature',
    properties: {
      code: station.id.replace(/^ST-/, ''),
      type: station.type,
      name: station.name,
      regionCode: station.regionCode,
      hours: `${station.hours.weekdayOpen}-${station.hours.weekdayClose}`,
      ...(station.hours.extendedUntil ? { extendedUntil: station.hours.extendedUntil } : {}),
      weekend: station.hours.weekend,
      capacity: station.capacity,
    },
    geometry: { type: 'Point', coordinates: [station.location.lng, station.location.lat] },
  }));
  await writeFile(resolve(out, 'stations.geojson'), JSON.stringify({ type: 'FeatureCollection', features: stations }));
  const grids = county.regions.filter((region) => region.level === 'grid');
  const rows = grids.map((grid) => [grid.code, grid.households, grid.residents, grid.partyMembers, '', grid.hasBranch ? 'yes' : 'no']);
  await writeFile(resolve(out, 'grid-attributes.csv'), csv(['gridCode', 'households', 'residents', 'partyMembers', 'buildings', 'hasBranch'], rows));
};
