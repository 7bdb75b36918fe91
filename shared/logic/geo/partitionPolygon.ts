import { Delaunay } from 'd3-delaunay';
import type { Position } from 'geojson';
import type { Rng } from '../rng';
import { cleanGeometry, DEFAULT_DECIMALS } from './cleanGeometry';
import { absorbFragments } from './absorbFragments';
import { clipConvexCell } from './clipConvexCell';
import { labelPoint } from './labelPoint';
import { pointInPolygon } from './pointInPolygon';
import { bboxOf, type Polygonal } from './polygonal';
import { relaxSites, type Point2 } from './relaxSites';
import { samplePointsInside } from './samplePoints';

export interface PartitionOptions {
  /** Lloyd iterations: more gives rounder, more even cells (4 already looks like a city map). */
  iterations?: number;
  /** Sample points per cell used to estimate cell centroids during relaxation. */
  samplesPerCell?: number;
  /** Decimal places of the output coordinates (see cleanGeometry). */
  decimals?: number;
}

export interface PartitionCell {
  /** The relaxed Voronoi site, inside both the parent and the cell. */
  site: Position;
  geometry: Polygonal;
}

/**
 * Splits `parent` into `count` cells with no gaps and no overlaps: seeded random sites, Lloyd
 * relaxation, then the Voronoi diagram of the sites, each cell clipped to the parent. Voronoi
 * cells tile the plane, so the clipped cells tile the parent. The diagram is computed in a plane
 * scaled by cos(latitude), where a degree of longitude is as long as a degree of latitude, so the
 * cells come out round rather than stretched north–south. Stray pieces of cells cut by a concave
 * parent are merged into a neighbour (absorbFragments); a cell stays a MultiPolygon only where a
 * piece has no neighbour to join (an island of a MultiPolygon parent).
 */
export const partitionPolygon = (parent: Polygonal, count: number, rng: Rng, options: PartitionOptions = {}): PartitionCell[] => {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`partitionPolygon: count must be a positive integer, got ${count}`);
  const decimals = options.decimals ?? DEFAULT_DECIMALS;
  if (count === 1) return [{ site: labelPoint(parent), geometry: parent }];
  const [minX, minY, maxX, maxY] = bboxOf(parent);
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const toPlane = ([x, y]: Position): Point2 => [x! * kx, y!];
  const samples = samplePointsInside(rng, parent, count * (options.samplesPerCell ?? 24)).map(toPlane);
  const inside = ([x, y]: Point2): boolean => pointInPolygon(x / kx, y, parent);
  const sites = relaxSites(samples.slice(0, count), samples, options.iterations ?? 4, inside);
  const pad = Math.max(maxX - minX, maxY - minY) + 1e-3;
  const voronoi = Delaunay.from(sites).voronoi([minX * kx - pad, minY - pad, maxX * kx + pad, maxY + pad]);
  const cells = sites.map((_, i) => {
    // d3 returns no polygon only for a site coinciding with another, which sampling never produces.
    const polygon = voronoi.cellPolygon(i);
    if (!polygon) throw new Error(`partitionPolygon: site ${i} coincides with another`);
    const ring = polygon.map(([px, py]): Position => [px! / kx, py!]);
    const clipped = clipConvexCell(ring, parent);
    const geometry = clipped && cleanGeometry(clipped, { decimals });
    if (!geometry) throw new Error(`partitionPolygon: cell ${i} of ${count} came out empty`);
    return geometry;
  });
  const lngLatSites = sites.map(([x, y]): Position => [x / kx, y]);
  return absorbFragments(cells, lngLatSites, parent, decimals).map((geometry, i) => ({ site: lngLatSites[i]!, geometry }));
};
