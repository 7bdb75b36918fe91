import { describe, expect, it } from 'vitest';
import { sampleIndex } from '../mapFixtures';

describe('the region index', () => {
  const index = sampleIndex();

  it('knows the county and every region below it by code', () => {
    expect(index.countyCode).toBe('350121');
    expect(index.get('350121001001001')).toMatchObject({ level: 'compound', parentCode: '350121001001', households: 1000 });
  });

  it('lists the children of a region', () => {
    expect(index.childrenOf('350121')).toEqual(['350121001', '350121002']);
    expect(index.childrenOf('35012100100100101')).toEqual([]);
  });

  it('gives each region its bounds, for flying to it', () => {
    const [[west, south] = [], [east, north] = []] = index.get('350121002')?.bounds ?? [];
    expect([west, south, east, north].map((value) => Number(value?.toFixed(6)))).toEqual([119.1, 26, 119.2, 26.1]);
  });

  it('gives compounds a point inside them, where service coverage is judged', () => {
    const [lng = 0, lat = 0] = index.get('350121001001001')?.labelPoint ?? [];
    expect(lng).toBeGreaterThan(119);
    expect(lng).toBeLessThan(119.02);
    expect(lat).toBeGreaterThan(26);
    expect(lat).toBeLessThan(26.02);
  });
});
