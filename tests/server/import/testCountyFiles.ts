import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';

/**
 * A county made by the tests, not by the sample generator: a 16 × 16 lattice of grids (256) over
 * ~8 × 9 km near Fuzhou, nested 2 × 2 at each level — 4 streets, 16 communities, 64 compounds —
 * so every child tiles its parent exactly (shared edges are the same numbers). Codes follow the
 * 6/9/12/15/17-digit scheme under county 990101.
 */
export const TEST_COUNTY_CODE = '990101';
const WEST = 119.2;
const SOUTH = 26.0;
const STEP_LNG = 0.005;
const STEP_LAT = 0.0055;
const CELLS = 16;

export type Level = 'county' | 'street' | 'community' | 'compound' | 'grid';
export const LEVELS: readonly Level[] = ['county', 'street', 'community', 'compound', 'grid'];
/** Lattice cells per side of one region at each level. */
const SPAN: Record<Level, number> = { county: 16, street: 8, community: 4, compound: 2, grid: 1 };
const SUFFIX: Record<Level, number> = { county: 0, street: 3, community: 3, compound: 3, grid: 2 };

export interface Props {
  code: string;
  name: string;
  [key: string]: unknown;
}

export type TestFiles = Record<Level, FeatureCollection<Polygon, Props>> & {
  stations: string;
  attributes: string;
};

const lng = (i: number) => Math.round((WEST + i * STEP_LNG) * 1e7) / 1e7;
const lat = (j: number) => Math.round((SOUTH + j * STEP_LAT) * 1e7) / 1e7;

/** A counter-clockwise rectangle of lattice cells [i0, i1) × [j0, j1), with a corner on every lattice line so neighbours share vertices. */
export const latticeRing = (i0: number, j0: number, i1: number, j1: number): Position[] => {
  const ring: Position[] = [];
  for (let i = i0; i < i1; i++) ring.push([lng(i), lat(j0)]);
  for (let j = j0; j < j1; j++) ring.push([lng(i1), lat(j)]);
  for (let i = i1; i > i0; i--) ring.push([lng(i), lat(j1)]);
  for (let j = j1; j > j0; j--) ring.push([lng(i0), lat(j)]);
  ring.push(ring[0]!);
  return ring;
};

/** The lattice point in the middle of a grid cell, as WGS-84. */
export const cellCentre = (i: number, j: number): [number, number] => [lng(i) + STEP_LNG / 2, lat(j) + STEP_LAT / 2];

const codeOf = (level: Level, i: number, j: number): string => {
  let code = TEST_COUNTY_CODE;
  for (const at of LEVELS.slice(1, LEVELS.indexOf(level) + 1)) {
    const span = SPAN[at];
    const quadrant = (Math.floor(j / span) % 2) * 2 + (Math.floor(i / span) % 2) + 1;
    code += String(quadrant).padStart(SUFFIX[at], '0');
  }
  return code;
};

/** The code of the grid at lattice cell (i, j). */
export const gridCodeAt = (i: number, j: number): string => codeOf('grid', i, j);

const NAMES: Record<Level, string> = { county: '试验县', street: '街道', community: '社区', compound: '小区', grid: '网格' };

const levelFeatures = (level: Level): Feature<Polygon, Props>[] => {
  const span = SPAN[level];
  const features: Feature<Polygon, Props>[] = [];
  for (let j = 0; j < CELLS; j += span) {
    for (let i = 0; i < CELLS; i += span) {
      const code = codeOf(level, i, j);
      const name = level === 'county' ? NAMES.county : `${code.slice(-SUFFIX[level])}${NAMES[level]}`;
      features.push({ type: 'Feature', properties: { code, name }, geometry: { type: 'Polygon', coordinates: [latticeRing(i, j, i + span, j + span)] } });
    }
  }
  return features;
};

/** The test county's files as data (WGS-84), for a test to break one thing in before writing. */
export const testCountyFiles = (): TestFiles => {
  const files = Object.fromEntries(LEVELS.map((level) => [level, { type: 'FeatureCollection', features: levelFeatures(level) }])) as unknown as TestFiles;
  const grids = files.grid.features;
  files.attributes = `gridCode,households,residents,partyMembers,buildings\n${grids.map((grid, n) => `${grid.properties.code},${100 + n},${280 + n},${n % 9},${3 + (n % 5)}`).join('\n')}\n`;
  const [sx, sy] = cellCentre(3, 3);
  const [tx, ty] = cellCentre(12, 9);
  files.stations = `type,name,code,lng,lat,hours,extendedUntil,weekend,capacity\nparty_service_center,一号党群服务中心,PSC-1,${sx},${sy},08:30-17:30,21:00,same,40\nred_station,"红色驿站, 东",RS-2,${tx},${ty},09:00-18:00,,closed,12\n`;
  return files;
};

/** Every position of the county moved through `convert` (e.g. WGS-84 → GCJ-02), stations included. */
export const convertFiles = (files: TestFiles, convert: (position: Position) => Position): TestFiles => {
  const out = structuredClone(files);
  for (const level of LEVELS) for (const feature of out[level].features) feature.geometry.coordinates = feature.geometry.coordinates.map((ring) => ring.map(convert));
  out.stations = out.stations
    .split('\n')
    .map((line, n) => {
      if (n === 0 || line === '') return line;
      const fields = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((field) => field.replace(/,$/, ''));
      const [x, y] = convert([Number(fields[3]), Number(fields[4])]);
      fields[3] = String(x);
      fields[4] = String(y);
      return fields.slice(0, 9).join(',');
    })
    .join('\n');
  return out;
};

export const toGcj02 = (position: Position): Position => gcoord.transform([position[0]!, position[1]!] as [number, number], gcoord.WGS84, gcoord.GCJ02) as Position;

/** Writes the files into `dir` (created) as the import reads them; `manifest` becomes import.json. */
export const writeTestCounty = (dir: string, files: TestFiles = testCountyFiles(), manifest?: Record<string, unknown>): string => {
  mkdirSync(dir, { recursive: true });
  for (const level of LEVELS) writeFileSync(join(dir, `${level}.geojson`), JSON.stringify(files[level]));
  writeFileSync(join(dir, 'stations.csv'), files.stations);
  writeFileSync(join(dir, 'grid-attributes.csv'), files.attributes);
  if (manifest) writeFileSync(join(dir, 'import.json'), JSON.stringify(manifest));
  return dir;
};
