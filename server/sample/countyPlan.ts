import type { Rng } from '../../shared/logic/rng';
import type { ReferenceData } from './referenceData';

/** Scale 1 aims at the seeds' magnitudes for one county: ~300 compounds and ~1,500 grids. */
export const COMPOUNDS_AT_SCALE_1 = 300;
export const MEAN_GRIDS_PER_COMPOUND = 5;
/** From this scale on the village committees join the urban communities, so the whole county is covered. */
export const VILLAGES_FROM_SCALE = 4;

/** Codes leave 3 digits for a compound within its community and 2 for a grid within its compound. */
const MAX_COMPOUNDS_PER_COMMUNITY = 999;
const MAX_GRIDS_PER_COMPOUND = 99;

export interface CountyPlan {
  scale: number;
  includeVillages: boolean;
  communityCount: number;
  meanCompoundsPerCommunity: number;
  compoundCount(rng: Rng): number;
  gridCount(rng: Rng): number;
}

export const planCounty = (scale: number, reference: ReferenceData): CountyPlan => {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`scale must be a positive number, got ${scale}`);
  const includeVillages = scale >= VILLAGES_FROM_SCALE;
  const communityCount = reference.streets.reduce(
    (sum, street) => sum + street.communities.length + (includeVillages ? street.villages.length : 0),
    0,
  );
  const mean = (COMPOUNDS_AT_SCALE_1 * scale) / Math.max(1, communityCount);
  return {
    scale,
    includeVillages,
    communityCount,
    meanCompoundsPerCommunity: mean,
    compoundCount: (rng) =>
      Math.min(MAX_COMPOUNDS_PER_COMMUNITY, Math.max(1, Math.round(rng.normalClamped(mean, mean * 0.3, mean * 0.5, mean * 1.6)))),
    gridCount: (rng) =>
      Math.min(MAX_GRIDS_PER_COMPOUND, Math.max(1, Math.round(rng.normalClamped(MEAN_GRIDS_PER_COMPOUND, 1.3, 2, 9)))),
  };
};
