import type { FeatureCollection } from 'geojson';
import type { Region } from '../../shared/domain/region';
import type { Station } from '../../shared/domain/station';
import type { Polygonal } from '../../shared/logic/geo/polygonal';
import { createRng, type Rng } from '../../shared/logic/rng';
import { layoutCommunities } from './communityLayout';
import { layoutCompounds } from './compoundLayout';
import { createCompoundNamer } from './compoundNames';
import { prepareOutlines } from './countyOutline';
import { planCounty, type CountyPlan } from './countyPlan';
import { rollUpFigures } from './figures';
import { generateStations } from './generateStations';
import { readReferenceData, type ReferenceData } from './referenceData';
import { toFeature, toRegion, type RegionDraft, type RegionFeatureProps } from './regionDraft';
import { layoutStreets, seatStreetOf } from './streetLayout';

export type { RegionFeatureProps } from './regionDraft';

/** Bumped whenever the output for a given seed and scale changes, so cached counties are regenerated. */
export const GENERATOR_VERSION = 2;

export type SampleLevel = 'county' | 'street' | 'community' | 'compound' | 'grid' | 'context';
export const SAMPLE_LEVELS: readonly SampleLevel[] = ['county', 'street', 'community', 'compound', 'grid', 'context'];

export interface SampleCounty {
  seed: number;
  scale: number;
  /** Every level, county first, then streets, communities, compounds and grids, each in code order. */
  regions: Region[];
  features: Record<SampleLevel, FeatureCollection<Polygonal, RegionFeatureProps>>;
  stations: Station[];
}

export type ProgressListener = (stage: string, done: number, total: number) => void;

export interface GenerateCountyOptions {
  seed: number;
  /** 1 ≈ the seeds' county (44 communities, ~300 compounds, ~1,500 grids); 10 ≈ a city district, for benchmarks. */
  scale: number;
  onProgress?: ProgressListener;
  /** Already-read reference data (tests read it once); read from data/ when absent. */
  reference?: ReferenceData;
}

interface Hierarchy {
  county: RegionDraft;
  streets: RegionDraft[];
  communities: RegionDraft[];
  compounds: RegionDraft[];
  grids: RegionDraft[];
  seatCommunities: Map<string, string>;
}

const communitiesOfStreets = (streets: RegionDraft[], reference: ReferenceData, plan: CountyPlan, rng: Rng, progress: ProgressListener) => {
  const communities: RegionDraft[] = [];
  const seatCommunities = new Map<string, string>();
  const seatStreet = seatStreetOf(reference.streets)?.code;
  streets.forEach((street, i) => {
    const streetReference = reference.streets.find((candidate) => candidate.code === street.code)!;
    const preferredSeat = street.code === seatStreet ? reference.county.seat : undefined;
    const layout = layoutCommunities(street, streetReference, plan.includeVillages, rng.fork(street.code), preferredSeat);
    communities.push(...layout.communities);
    if (layout.seatCommunity) seatCommunities.set(street.code, layout.seatCommunity);
    progress('communities', i + 1, streets.length);
  });
  return { communities, seatCommunities };
};

const layOutRegions = (county: RegionDraft, reference: ReferenceData, plan: CountyPlan, rng: Rng, progress: ProgressListener): Hierarchy => {
  const streets = layoutStreets(county, reference, rng.fork('streets'));
  progress('streets', streets.length, streets.length);
  const { communities, seatCommunities } = communitiesOfStreets(streets, reference, plan, rng.fork('communities'), progress);
  const namer = createCompoundNamer();
  const compounds: RegionDraft[] = [];
  const grids: RegionDraft[] = [];
  communities.forEach((community, i) => {
    const layout = layoutCompounds(community, plan, namer, rng.fork(`compounds:${community.code}`));
    compounds.push(...layout.compounds);
    grids.push(...layout.grids);
    progress('compounds', i + 1, communities.length);
  });
  return { county, streets, communities, compounds, grids, seatCommunities };
};

const countyDraft = (reference: ReferenceData, geometry: Polygonal): RegionDraft => ({
  code: reference.county.code,
  name: reference.county.name,
  level: 'county',
  parentCode: null,
  path: [reference.county.code],
  geometry,
  hasBranch: true,
  sample: false,
  households: 0,
  residents: 0,
  partyMembers: 0,
});

const collection = <T>(features: T[]) => ({ type: 'FeatureCollection' as const, features });

/**
 * The sample county: the real Minhou outline, its 16 real streets and real community names, and
 * generated compounds, grids, figures and stations inside them. Deterministic: the same seed and
 * scale give byte-identical output (every random draw comes from a stream forked by name).
 */
export const generateCounty = (options: GenerateCountyOptions): SampleCounty => {
  const progress = options.onProgress ?? (() => undefined);
  const reference = options.reference ?? readReferenceData();
  const plan = planCounty(options.scale, reference);
  const rng = createRng(options.seed);
  const outlines = prepareOutlines(reference);
  progress('outline', 1, 1);
  const h = layOutRegions(countyDraft(reference, outlines.county), reference, plan, rng, progress);
  const drafts = [h.county, ...h.streets, ...h.communities, ...h.compounds, ...h.grids];
  rollUpFigures(drafts);
  const stations = generateStations(h, rng.fork('stations'));
  progress('stations', stations.length, stations.length);
  return {
    seed: options.seed,
    scale: options.scale,
    regions: drafts.map(toRegion),
    features: {
      county: collection([toFeature(h.county)]),
      street: collection(h.streets.map(toFeature)),
      community: collection(h.communities.map(toFeature)),
      compound: collection(h.compounds.map(toFeature)),
      grid: collection(h.grids.map(toFeature)),
      context: collection(outlines.context),
    },
    stations,
  };
};
