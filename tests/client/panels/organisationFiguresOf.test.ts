import { describe, expect, it } from 'vitest';
import type { Region } from '../../../shared/domain/region';
import { createRegionDirectory, EMPTY_DIRECTORY, type DirectoryEntry } from '../../../client/stores/regionDirectory';
import { organisationFiguresOf } from '../../../client/panels/organisationFiguresOf';

const region = (code: string, level: Region['level'], hasBranch = true): Region => ({
  code,
  level,
  name: code,
  parentCode: null,
  path: [code],
  centroid: [119.1, 26.1],
  households: 280_762,
  residents: 815_203,
  partyMembers: 44_708,
  hasBranch,
  sample: false,
});

const entries: DirectoryEntry[] = [
  { code: '350121001', level: 'street', name: '甘蔗街道', hasBranch: true },
  { code: '350121001001', level: 'community', name: '福龙社区', hasBranch: true },
  { code: '350121001001001', level: 'compound', name: '祥洲小区', hasBranch: true },
  { code: '350121001001002', level: 'compound', name: '福龙新村', hasBranch: true },
  { code: '350121001001003', level: 'compound', name: '福湖苑', hasBranch: false },
  { code: '35012100100100101', level: 'grid', name: '第1网格', hasBranch: false },
];

describe('organisationFiguresOf', () => {
  it('gives a county one tile per level below it and the compound branch coverage', () => {
    const figures = organisationFiguresOf(createRegionDirectory(entries), region('350121', 'county'));
    expect(figures?.counts).toEqual([
      { level: 'street', count: 1 },
      { level: 'community', count: 1 },
      { level: 'compound', count: 3 },
      { level: 'grid', count: 1 },
    ]);
    expect(figures?.coverage).toEqual({ withBranch: 2, total: 3, rate: 2 / 3 });
    expect(figures?.households).toBe(280_762);
  });

  it('gives a community only the levels below it', () => {
    const figures = organisationFiguresOf(createRegionDirectory(entries), region('350121001001', 'community'));
    expect(figures?.counts.map((c) => c.level)).toEqual(['compound', 'grid']);
  });

  it('counts a compound in view as its own coverage', () => {
    const directory = createRegionDirectory(entries);
    expect(organisationFiguresOf(directory, region('350121001001003', 'compound', false))?.coverage).toEqual({
      withBranch: 0,
      total: 1,
      rate: 0,
    });
  });

  it('has no coverage for a grid, which holds no compound', () => {
    const figures = organisationFiguresOf(createRegionDirectory(entries), region('35012100100100101', 'grid'));
    expect(figures?.counts).toEqual([]);
    expect(figures?.coverage).toBeNull();
  });

  it('waits for both the region and the directory', () => {
    expect(organisationFiguresOf(EMPTY_DIRECTORY, region('350121', 'county'))).toBeNull();
    expect(organisationFiguresOf(createRegionDirectory(entries), null)).toBeNull();
  });
});
