import { describe, expect, it } from 'vitest';
import { drillTarget, type RegionHit } from '../../../../client/map/regions/drillTarget';

const hits: RegionHit[] = [
  { code: '350121001', level: 'street' },
  { code: '350121001001', level: 'community' },
  { code: '350121001001001', level: 'compound' },
  { code: '35012100100100101', level: 'grid' },
];

describe('the drill-down target of a click', () => {
  it('is the community under the pointer at county scale, where compounds are not drawn yet', () => {
    expect(drillTarget(hits, 9.5, '350121')).toBe('350121001001');
  });

  it('is the compound once compounds are visible, and the grid once grids are', () => {
    expect(drillTarget(hits, 12.5, '350121001001')).toBe('350121001001001');
    expect(drillTarget(hits, 14.5, '350121001001001')).toBe('35012100100100101');
  });

  it('is the compound, not a grid, when a community is clicked at grid zoom', () => {
    expect(drillTarget(hits, 15, '350121001001')).toBe('350121001001001');
    expect(drillTarget(hits, 15, '350121001')).toBe('350121001001001');
  });

  it('is a neighbouring grid of the same compound when the scope is a grid', () => {
    const neighbour: RegionHit = { code: '35012100100100102', level: 'grid' };
    expect(drillTarget([...hits.slice(0, 3), neighbour], 15, '35012100100100101')).toBe('35012100100100102');
  });

  it('is the street where no community covers the pointer', () => {
    expect(drillTarget([hits[0]!], 9.5, '350121')).toBe('350121001');
  });

  it('is nothing when the pointer is on the scope itself and nothing finer is drawn', () => {
    expect(drillTarget(hits.slice(0, 2), 11, '350121001001')).toBeNull();
    expect(drillTarget([], 11, '350121')).toBeNull();
  });
});
