import type { Feature } from 'geojson';
import { cleanGeometry } from '../../shared/logic/geo/cleanGeometry';
import type { Polygonal } from '../../shared/logic/geo/polygonal';
import { repairGeometry } from '../../shared/logic/geo/repairGeometry';
import type { ReferenceCounty, ReferenceData } from './referenceData';
import { toFeature, type RegionFeatureProps } from './regionDraft';

/**
 * Pieces and holes below this are artefacts of the reference data's ~1/1024° quantisation
 * (they come out as half-cells of exactly that grid, ~5,000 m²), not real islands or enclaves.
 */
const SLIVER_AREA_M2 = 20_000;

/**
 * A reference outline with slivers dropped and RFC 7946 winding. `repair` also resolves the
 * self-intersections the quantisation folded into narrow spits, which clipping needs; outlines that
 * are only drawn skip it, since the polygon clipper is the slowest step of the whole generator.
 */
export const prepareOutline = (county: ReferenceCounty, repair: boolean): Polygonal => {
  const repaired = repair ? repairGeometry(county.geometry) : county.geometry;
  const cleaned = repaired && cleanGeometry(repaired, { minAreaM2: SLIVER_AREA_M2 });
  if (!cleaned) throw new Error(`reference outline of ${county.name} (${county.code}) has no area`);
  return cleaned;
};

export interface PreparedOutlines {
  county: Polygonal;
  /** The neighbouring divisions, for the map's surroundings; level 'context'. */
  context: Feature<Polygonal, RegionFeatureProps>[];
}

export const prepareOutlines = (reference: ReferenceData): PreparedOutlines => ({
  county: prepareOutline(reference.county, true),
  context: reference.neighbours.map((neighbour) =>
    toFeature({
      code: neighbour.code,
      level: 'context',
      name: neighbour.name,
      parentCode: null,
      geometry: prepareOutline(neighbour, false),
      sample: false,
    }),
  ),
});
