import type { Position } from 'geojson';
import { partitionPolygon, type PartitionCell } from '../../shared/logic/geo/partitionPolygon';
import { pointInPolygon } from '../../shared/logic/geo/pointInPolygon';
import type { Rng } from '../../shared/logic/rng';
import type { ReferenceData, ReferenceStreet } from './referenceData';
import { childDraft, type RegionDraft } from './regionDraft';

/** The street that hosts the county seat: the 街道 (Minhou's only one, 甘蔗街道), else the first listed. */
export const seatStreetOf = (streets: readonly ReferenceStreet[]): ReferenceStreet | undefined =>
  streets.find((street) => street.name.endsWith('街道')) ?? streets[0];

const cellHolding = (cells: readonly PartitionCell[], point: Position): number => {
  const holding = cells.findIndex((cell) => pointInPolygon(point[0]!, point[1]!, cell.geometry));
  if (holding >= 0) return holding;
  let best = 0;
  cells.forEach((cell, i) => {
    const d = Math.hypot(cell.site[0]! - point[0]!, cell.site[1]! - point[1]!);
    const bestD = Math.hypot(cells[best]!.site[0]! - point[0]!, cells[best]!.site[1]! - point[1]!);
    if (d < bestD) best = i;
  });
  return best;
};

/**
 * Which cell each street gets. Street boundaries are generated, not surveyed, but two real facts
 * keep the picture plausible: the seat street holds the real county seat, and Minhou's rural
 * townships (乡) lie in the hills north of the Min river, so they take the northernmost cells.
 */
const assignCells = (cells: readonly PartitionCell[], reference: ReferenceData, rng: Rng): Map<string, PartitionCell> => {
  const assigned = new Map<string, PartitionCell>();
  const free = new Set(cells.keys());
  const seatStreet = seatStreetOf(reference.streets);
  if (seatStreet) {
    const index = cellHolding(cells, reference.county.seat);
    assigned.set(seatStreet.code, cells[index]!);
    free.delete(index);
  }
  const pending = reference.streets.filter((street) => !assigned.has(street.code));
  const rural = pending.filter((street) => street.name.endsWith('乡'));
  const others = rng.shuffle(pending.filter((street) => !street.name.endsWith('乡')));
  const northFirst = [...free].sort((a, b) => cells[b]!.site[1]! - cells[a]!.site[1]!);
  [...rural, ...others].forEach((street, i) => assigned.set(street.code, cells[northFirst[i]!]!));
  return assigned;
};

/** The county split into one cell per street, under the real names and codes, in code order. */
export const layoutStreets = (county: RegionDraft, reference: ReferenceData, rng: Rng): RegionDraft[] => {
  const cells = partitionPolygon(county.geometry, reference.streets.length, rng, { iterations: 6, samplesPerCell: 64 });
  const assigned = assignCells(cells, reference, rng);
  return reference.streets.map((street) => {
    const cell = assigned.get(street.code)!;
    // A street has a working committee (街道党工委 / 镇党委) by definition.
    return childDraft(county, { code: street.code, level: 'street', name: street.name, geometry: cell.geometry, hasBranch: true, sample: false });
  });
};
