import { feature, featureCollection, union } from '@turf/turf';
import type { Position } from 'geojson';
import { cleanGeometry } from './cleanGeometry';
import { pointInPolygon, pointInRing } from './pointInPolygon';
import { bboxOf, fromPolygons, polygonsOf, type BBox, type Polygonal } from './polygonal';
import { signedRingArea } from './rewind';

/** How far (degrees, ~1 cm) past a fragment's edge to look for the cell on the other side. */
const NUDGE = 1e-7;

const mainPiece = (pieces: Position[][][], site: Position): number => {
  const holding = pieces.findIndex((piece) => pointInRing(site[0]!, site[1]!, piece[0] ?? []));
  if (holding >= 0) return holding;
  let best = 0;
  pieces.forEach((piece, k) => {
    if (Math.abs(signedRingArea(piece[0] ?? [])) > Math.abs(signedRingArea(pieces[best]?.[0] ?? []))) best = k;
  });
  return best;
};

const inBox = ([x, y]: Position, [minX, minY, maxX, maxY]: BBox): boolean => x! >= minX && x! <= maxX && y! >= minY && y! <= maxY;

/** The other cell sharing the longest stretch of the piece's outline, or null (an island). */
const bestNeighbour = (piece: Position[][], owner: number, cells: readonly Polygonal[], boxes: readonly BBox[], parent: Polygonal): number | null => {
  const ring = piece[0] ?? [];
  const shared = new Map<number, number>();
  for (let i = 1; i < ring.length; i++) {
    const [ax, ay] = ring[i - 1] as [number, number];
    const [bx, by] = ring[i] as [number, number];
    const length = Math.hypot(bx - ax, by - ay);
    if (length === 0) continue;
    // Exterior rings wind counter-clockwise, so the outward normal is the edge direction turned right.
    const probe: Position = [(ax + bx) / 2 + ((by - ay) / length) * NUDGE, (ay + by) / 2 - ((bx - ax) / length) * NUDGE];
    if (!pointInPolygon(probe[0]!, probe[1]!, parent)) continue;
    const other = cells.findIndex((cell, j) => j !== owner && inBox(probe, boxes[j]!) && pointInPolygon(probe[0]!, probe[1]!, cell));
    if (other >= 0) shared.set(other, (shared.get(other) ?? 0) + length);
  }
  let best: number | null = null;
  for (const [cell, length] of shared) if (best === null || length > (shared.get(best) ?? 0)) best = cell;
  return best;
};

interface Move {
  owner: number;
  piece: number;
  to: number;
}

const nextMove = (cells: readonly Polygonal[], boxes: readonly BBox[], sites: readonly Position[], parent: Polygonal): Move | null => {
  for (let owner = 0; owner < cells.length; owner++) {
    const cell = cells[owner]!;
    if (cell.type !== 'MultiPolygon') continue;
    const main = mainPiece(cell.coordinates, sites[owner] ?? [0, 0]);
    for (let piece = 0; piece < cell.coordinates.length; piece++) {
      const to = piece === main ? null : bestNeighbour(cell.coordinates[piece]!, owner, cells, boxes, parent);
      if (to !== null) return { owner, piece, to };
    }
  }
  return null;
};

/**
 * Voronoi cells clipped to a concave parent can come out in pieces (a cell reaching across a bay).
 * Stray pieces move, one at a time, to the neighbouring cell they share most outline with, judged
 * on the cells as they are after earlier moves. A piece moves whole, so the partition stays exact;
 * each move welds two touching pieces into one, so the loop ends. Pieces with no neighbour (islands
 * of a MultiPolygon parent) stay where they are.
 */
export const absorbFragments = (cells: readonly Polygonal[], sites: readonly Position[], parent: Polygonal, decimals: number): Polygonal[] => {
  const result = [...cells];
  const boxes = result.map(bboxOf);
  const pieces = result.reduce((sum, cell) => sum + polygonsOf(cell).length, 0);
  for (let moves = 0; moves < pieces; moves++) {
    const move = nextMove(result, boxes, sites, parent);
    if (!move) break;
    const owner = result[move.owner] as Polygonal;
    const moving = polygonsOf(owner)[move.piece]!;
    result[move.owner] = fromPolygons(polygonsOf(owner).filter((_, k) => k !== move.piece)) ?? owner;
    const merged = union(featureCollection([feature(result[move.to]!), feature({ type: 'Polygon', coordinates: moving })]));
    const cleaned = merged && cleanGeometry(merged.geometry, { decimals });
    if (!cleaned) throw new Error('absorbFragments: merging a piece into its neighbour lost it');
    result[move.to] = cleaned;
    boxes[move.owner] = bboxOf(result[move.owner]!);
    boxes[move.to] = bboxOf(cleaned);
  }
  return result;
};
