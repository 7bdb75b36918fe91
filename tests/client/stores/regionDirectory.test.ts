import { describe, expect, it } from 'vitest';
import { countInside, createRegionDirectory, placeOf, type DirectoryEntry } from '../../../client/stores/regionDirectory';

const entry = (code: string, level: DirectoryEntry['level'], name: string, hasBranch = false): DirectoryEntry => ({
  code,
  level,
  name,
  hasBranch,
});

const directory = () =>
  createRegionDirectory([
    entry('350121001', 'street', '甘蔗街道', true),
    entry('350121002', 'street', '上街镇', true),
    entry('350121001001', 'community', '福龙社区', true),
    entry('350121001002', 'community', '昙石社区', true),
    entry('350121002001', 'community', '厚美村', true),
    entry('350121001001001', 'compound', '祥洲小区', true),
    entry('350121001001002', 'compound', '福龙新村', false),
    entry('350121002001001', 'compound', '美湖苑', true),
    entry('35012100100100101', 'grid', '第1网格'),
    entry('35012100100100102', 'grid', '第2网格'),
    entry('35012100100100201', 'grid', '第1网格'),
  ]);

describe('countInside', () => {
  it('counts every level below the county and the compounds with a branch', () => {
    expect(countInside(directory(), '350121')).toEqual({ street: 2, community: 3, compound: 3, grid: 3, compoundsWithBranch: 2 });
  });

  it('counts only what lies inside a street, by code prefix', () => {
    expect(countInside(directory(), '350121001')).toEqual({ street: 0, community: 2, compound: 2, grid: 3, compoundsWithBranch: 1 });
  });

  it('does not count the region itself', () => {
    expect(countInside(directory(), '350121001001001').compound).toBe(0);
  });
});

describe('placeOf', () => {
  it('names the community and compound of a path', () => {
    const path = ['350121', '350121001', '350121001001', '350121001001002', '35012100100100201'];
    expect(placeOf(directory(), path)).toBe('福龙社区 · 福龙新村');
  });

  it('names the community alone when the path stops there', () => {
    expect(placeOf(directory(), ['350121', '350121001', '350121001002'])).toBe('昙石社区');
  });

  it('falls back to the street when that is all the path knows', () => {
    expect(placeOf(directory(), ['350121', '350121002'])).toBe('上街镇');
  });

  it('is empty before the directory is loaded', () => {
    expect(placeOf(createRegionDirectory([]), ['350121', '350121002'])).toBe('');
  });
});
