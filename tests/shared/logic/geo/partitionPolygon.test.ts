import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionPolygon } from '../../../../shared/logic/geo/partitionPolygon';
import { pointInPolygon } from '../../../../shared/logic/geo/pointInPolygon';
import { createRng } from '../../../../shared/logic/rng';
import { areaOf, outsideM2, overlapM2, rfc7946Problems } from './geoAssertions';
import { SHAPES, comb, square } from './geoFixtures';

/** 0.01 % of an area: generous for float noise and 1 mm rounding, far below anything visible. */
const TOLERANCE = 1e-4;

describe('partitionPolygon', () => {
  describe.each(SHAPES)('on %s', (_, parent) => {
    const parentArea = areaOf(parent);

    it('returns the requested number of cells, each inside the parent, with no gaps and no overlaps', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (count, seed) => {
          const cells = partitionPolygon(parent, count, createRng(seed));
          expect(cells).toHaveLength(count);
          for (const cell of cells) expect(outsideM2(cell.geometry, parent)).toBeLessThan(areaOf(cell.geometry) * TOLERANCE);
          for (let i = 0; i < cells.length; i++) {
            for (let j = i + 1; j < cells.length; j++) {
              const smaller = Math.min(areaOf(cells[i]!.geometry), areaOf(cells[j]!.geometry));
              expect(overlapM2(cells[i]!.geometry, cells[j]!.geometry)).toBeLessThan(smaller * TOLERANCE);
            }
          }
          const total = cells.reduce((sum, cell) => sum + areaOf(cell.geometry), 0);
          expect(Math.abs(total - parentArea)).toBeLessThan(parentArea * TOLERANCE);
        }),
        { numRuns: 12 },
      );
    });

    it('keeps every site inside its own cell and writes RFC 7946 rings', () => {
      const cells = partitionPolygon(parent, 15, createRng(7));
      for (const cell of cells) {
        expect(pointInPolygon(cell.site[0]!, cell.site[1]!, cell.geometry)).toBe(true);
        expect(rfc7946Problems(cell.geometry)).toEqual([]);
      }
    });
  });

  it('gives the same cells for the same seed and different cells for another', () => {
    const once = JSON.stringify(partitionPolygon(square, 9, createRng(42)));
    expect(JSON.stringify(partitionPolygon(square, 9, createRng(42)))).toBe(once);
    expect(JSON.stringify(partitionPolygon(square, 9, createRng(43)))).not.toBe(once);
  });

  it('makes cells of similar size, as Lloyd relaxation should', () => {
    const areas = partitionPolygon(square, 16, createRng(3)).map((cell) => areaOf(cell.geometry));
    expect(Math.max(...areas) / Math.min(...areas)).toBeLessThan(3);
  });

  it('keeps cells contiguous in a concave parent by handing stray pieces to a neighbour', () => {
    for (let seed = 0; seed < 20; seed++) {
      const cells = partitionPolygon(comb, 12, createRng(seed));
      expect(cells.filter((cell) => cell.geometry.type === 'MultiPolygon')).toEqual([]);
    }
  });

  it('returns the parent itself for a single cell and rejects a count below one', () => {
    expect(partitionPolygon(square, 1, createRng(1))[0]!.geometry).toEqual(square);
    expect(() => partitionPolygon(square, 0, createRng(1))).toThrow(RangeError);
    expect(() => partitionPolygon(square, 2.5, createRng(1))).toThrow(RangeError);
  });
});
