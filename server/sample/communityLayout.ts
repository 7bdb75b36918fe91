import { difference, feature, featureCollection } from '@turf/turf';
import type { Position } from 'geojson';
import { cleanGeometry } from '../../shared/logic/geo/cleanGeometry';
import { labelPoint } from '../../shared/logic/geo/labelPoint';
import { partitionPolygon, type PartitionCell } from '../../shared/logic/geo/partitionPolygon';
import { pointInPolygon } from '../../shared/logic/geo/pointInPolygon';
import type { Polygonal } from '../../shared/logic/geo/polygonal';
import type { Rng } from '../../shared/logic/rng';
import { nameStem } from './divisionNames';
import type { ReferenceDivision, ReferenceStreet } from './referenceData';
import { childDraft, type RegionDraft } from './regionDraft';
import { urbanCore } from './urbanCore';

export interface CommunityLayout {
  communities: RegionDraft[];
  /** The town seat and the community holding it (where the street's 邻里中心 goes); null without a town. */
  seat: Position | null;
  seatCommunity: string | null;
}

const angleAround = (center: Position) => (cell: PartitionCell) =>
  Math.atan2(cell.site[1]! - center[1]!, cell.site[0]! - center[0]!);

/**
 * Divisions onto cells: the `central` one (if any) onto the cell holding `center`, the others in
 * list order round the centre, so neighbouring codes are neighbours on the map.
 */
const assignAround = (cells: PartitionCell[], divisions: readonly ReferenceDivision[], center: Position, central?: ReferenceDivision) => {
  const holding = cells.findIndex((cell) => pointInPolygon(center[0]!, center[1]!, cell.geometry));
  const centreCell = central && holding >= 0 ? cells[holding] : undefined;
  const angle = angleAround(center);
  const ring = cells.filter((cell) => cell !== centreCell).sort((a, b) => angle(a) - angle(b));
  const rest = divisions.filter((division) => division !== central || !centreCell);
  const pairs = rest.map((division, i) => ({ division, cell: ring[i]! }));
  return centreCell && central ? [{ division: central, cell: centreCell }, ...pairs] : pairs;
};

const toDrafts = (street: RegionDraft, pairs: { division: ReferenceDivision; cell: PartitionCell }[]): RegionDraft[] =>
  pairs.map(({ division, cell }) =>
    // Every community has its party committee (社区党委 / 村党组织): that is the premise of the model.
    childDraft(street, { code: division.code, level: 'community', name: division.name, geometry: cell.geometry, hasBranch: true, sample: false }),
  );

const ruralRemainder = (street: Polygonal, core: Polygonal | null): Polygonal | null => {
  if (!core) return street;
  const rest = difference(featureCollection([feature(street), feature(core)]));
  return rest && cleanGeometry(rest.geometry);
};

/**
 * The communities of one street: the urban 社区 partition a compact town core around a seat; with
 * `includeVillages` the village committees partition the rest of the street.
 */
export const layoutCommunities = (street: RegionDraft, reference: ReferenceStreet, includeVillages: boolean, rng: Rng, preferredSeat?: Position): CommunityLayout => {
  const urban = reference.communities;
  const core = urban.length > 0 ? urbanCore(street.geometry, urban.length, rng.fork('core'), preferredSeat) : null;
  const drafts: RegionDraft[] = [];
  let seatCommunity: string | null = null;
  if (core) {
    const cells = partitionPolygon(core.geometry, urban.length, rng.fork('urban'));
    const central = urban.find((division) => nameStem(division.name) === nameStem(reference.name)) ?? urban[0];
    const pairs = assignAround(cells, urban, core.seat, central);
    drafts.push(...toDrafts(street, pairs));
    seatCommunity = pairs.find(({ cell }) => pointInPolygon(core.seat[0]!, core.seat[1]!, cell.geometry))?.division.code ?? pairs[0]?.division.code ?? null;
  }
  const rural = includeVillages && reference.villages.length > 0 ? ruralRemainder(street.geometry, core?.geometry ?? null) : null;
  if (rural) {
    const cells = partitionPolygon(rural, reference.villages.length, rng.fork('villages'));
    drafts.push(...toDrafts(street, assignAround(cells, reference.villages, core?.seat ?? labelPoint(rural))));
  }
  drafts.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { communities: drafts, seat: core?.seat ?? null, seatCommunity };
};
