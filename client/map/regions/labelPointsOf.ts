import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';

/** What a label needs: the properties of the region it names, at one point inside it. */
export type LabelPoints<P> = FeatureCollection<Point, P>;

/** Twice the signed area of a ring in degrees², enough to compare the parts of one region. */
const ringArea = (ring: readonly Position[]): number => {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1 = 0, y1 = 0] = ring[j] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum);
};

/** The part of a region that gets its name: a multi-part region is labelled once, on its largest part. */
const largestPart = (geometry: Polygon | MultiPolygon): Position[][] | null => {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  let best: Position[][] | null = null;
  for (const polygon of geometry.coordinates) {
    const outer = polygon[0];
    if (outer && (!best || ringArea(outer) > ringArea(best[0] ?? []))) best = polygon;
  }
  return best;
};

/** A point well inside the polygon (its pole of inaccessibility), found to 1 % of its size. */
const interiorPoint = (polygon: Position[][]): Position | null => {
  const outer = polygon[0];
  if (!outer || outer.length < 4) return null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of outer) {
    [minX, maxX] = [Math.min(minX, x), Math.max(maxX, x)];
    [minY, maxY] = [Math.min(minY, y), Math.max(maxY, y)];
  }
  const size = Math.max(maxX - minX, maxY - minY);
  const rings = polygon.map((ring) => ring.map(([x = 0, y = 0]): [number, number] => [x, y]));
  const [x, y] = polylabel(rings, size / 100 || 1e-6);
  return [x, y];
};

/** One label point per region, carrying the region's properties (so `promoteId: 'code'` works the same). */
export const labelPointsOf = <P>(regions: FeatureCollection<Polygon | MultiPolygon, P>): LabelPoints<P> => {
  const features: Feature<Point, P>[] = [];
  for (const region of regions.features) {
    const part = region.geometry && largestPart(region.geometry);
    const point = part && interiorPoint(part);
    if (point) features.push({ type: 'Feature', properties: region.properties, geometry: { type: 'Point', coordinates: point } });
  }
  return { type: 'FeatureCollection', features };
};
