import { Delaunay } from 'd3-delaunay';

export type Point2 = [number, number];

/**
 * Lloyd relaxation estimated from samples: each site moves to the mean of the sample points
 * nearest to it. That approximates the centroid of its Voronoi cell clipped to the parent without
 * clipping any polygon, which keeps relaxation cheap for thousands of cells. A site whose mean
 * falls outside the parent (a cell wrapping round a concave corner) stays where it was, so every
 * site stays inside and every final cell keeps a piece of the parent.
 */
export const relaxSites = (
  sites: readonly Point2[],
  samples: readonly Point2[],
  iterations: number,
  inside: (point: Point2) => boolean,
): Point2[] => {
  let current = sites.map((site): Point2 => [site[0], site[1]]);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const delaunay = Delaunay.from(current);
    const sumX = new Float64Array(current.length);
    const sumY = new Float64Array(current.length);
    const counts = new Uint32Array(current.length);
    let hint = 0;
    for (const [x, y] of samples) {
      // The previous answer is a good starting hint: samples come in no order, but find() walks fast.
      hint = delaunay.find(x, y, hint);
      sumX[hint]! += x;
      sumY[hint]! += y;
      counts[hint]! += 1;
    }
    current = current.map((site, i): Point2 => {
      const count = counts[i]!;
      if (count === 0) return site;
      const moved: Point2 = [sumX[i]! / count, sumY[i]! / count];
      return inside(moved) ? moved : site;
    });
  }
  return current;
};
