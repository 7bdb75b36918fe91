import { Value } from '@sinclair/typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_LENGTH, PARENT_LEVEL, REGION_LEVELS, Region, levelOfCode } from '../../../shared/domain/region';
import { pointInPolygon } from '../../../shared/logic/geo/pointInPolygon';
import type { SampleCounty } from '../../../server/sample/generateCounty';
import { childrenByParent, generateDefaultCounty, geometryByCode, reference, regionsAt } from './sampleCountyFixture';

let county: SampleCounty;
let byCode: Map<string, Region>;

beforeAll(() => {
  county = generateDefaultCounty();
  byCode = new Map(county.regions.map((region) => [region.code, region]));
});

const share = (flags: boolean[]): number => flags.filter(Boolean).length / flags.length;

describe('the sample county regions (seed 1, scale 1)', () => {
  it('has the seeds’ magnitudes: 1 county, 16 streets, 44 communities, ~300 compounds, ~1,500 grids', () => {
    expect(regionsAt(county, 'county')).toHaveLength(1);
    expect(regionsAt(county, 'street')).toHaveLength(16);
    expect(regionsAt(county, 'community')).toHaveLength(44);
    expect(regionsAt(county, 'compound').length).toBeGreaterThan(250);
    expect(regionsAt(county, 'compound').length).toBeLessThan(350);
    expect(regionsAt(county, 'grid').length).toBeGreaterThan(1200);
    expect(regionsAt(county, 'grid').length).toBeLessThan(1800);
  });

  it('lists regions level by level, county first, and gives each level a feature per region', () => {
    const levels = county.regions.map((region) => REGION_LEVELS.indexOf(region.level));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    for (const level of REGION_LEVELS) {
      expect(county.features[level].features.map((f) => f.properties.code)).toEqual(regionsAt(county, level).map((r) => r.code));
    }
  });

  it('matches the Region schema everywhere', () => {
    for (const region of county.regions) expect(Value.Check(Region, region), region.code).toBe(true);
  });

  it('gives unique codes of the right length, each extending its parent’s code', () => {
    expect(new Set(county.regions.map((region) => region.code)).size).toBe(county.regions.length);
    for (const region of county.regions) {
      expect(region.code).toHaveLength(CODE_LENGTH[region.level]);
      expect(levelOfCode(region.code)).toBe(region.level);
      if (region.parentCode === null) continue;
      expect(region.code.startsWith(region.parentCode)).toBe(true);
      expect(byCode.get(region.parentCode)?.level).toBe(PARENT_LEVEL[region.level]);
    }
  });

  it('gives every region its path of codes from the county down to itself', () => {
    for (const region of county.regions) {
      const expected: string[] = [];
      for (let at: Region | undefined = region; at; at = at.parentCode ? byCode.get(at.parentCode) : undefined) expected.unshift(at.code);
      expect(region.path).toEqual(expected);
    }
  });

  it('uses the real names and codes for the streets and communities, and marks only generated regions as sample', () => {
    expect(regionsAt(county, 'street').map((s) => [s.code, s.name])).toEqual(reference.streets.map((s) => [s.code, s.name]));
    const realCommunities = reference.streets.flatMap((s) => s.communities.map((c) => [c.code, c.name]));
    expect(regionsAt(county, 'community').map((c) => [c.code, c.name])).toEqual(realCommunities);
    for (const region of county.regions) expect(region.sample, region.code).toBe(region.level === 'compound' || region.level === 'grid');
    expect(byCode.get('350121001002')?.name).toBe('三福社区');
  });

  it('names compounds plausibly and uniquely, and grids 第N网格 counting through each community', () => {
    const compounds = regionsAt(county, 'compound');
    expect(new Set(compounds.map((c) => c.name)).size).toBe(compounds.length);
    for (const compound of compounds) expect(compound.name).toMatch(/^[\u4e00-\u9fff]{2,}(小区|花园|新村|苑|家园|公寓|山庄|雅居|华庭|嘉园|新城|佳苑|名城|丽景|花苑|御景|府|公馆)([二三四五六七八九]期|\d+区)?$/);
    for (const grids of childrenByParent(regionsAt(county, 'grid')).values()) expect(grids.every((g) => /^第\d+网格$/.test(g.name))).toBe(true);
    const community = regionsAt(county, 'community')[0]!;
    const gridNames = regionsAt(county, 'grid').filter((g) => g.path[2] === community.code).map((g) => g.name);
    expect(gridNames).toEqual(gridNames.map((_, i) => `第${i + 1}网格`));
  });

  it('gives grids 80–300 households, 2.6–3.2 residents a household and 4–7 % party members', () => {
    for (const grid of regionsAt(county, 'grid')) {
      expect(grid.households).toBeGreaterThanOrEqual(80);
      expect(grid.households).toBeLessThanOrEqual(300);
      expect(grid.residents / grid.households).toBeGreaterThanOrEqual(2.6 - 0.5 / grid.households);
      expect(grid.residents / grid.households).toBeLessThanOrEqual(3.2 + 0.5 / grid.households);
      expect(grid.partyMembers / grid.residents).toBeGreaterThanOrEqual(0.04 - 0.5 / grid.residents);
      expect(grid.partyMembers / grid.residents).toBeLessThanOrEqual(0.07 + 0.5 / grid.residents);
    }
  });

  it('makes every parent’s figures the sum of its children’s', () => {
    const children = childrenByParent(county.regions);
    for (const region of county.regions) {
      const kids = children.get(region.code);
      if (!kids) continue;
      for (const key of ['households', 'residents', 'partyMembers'] as const) {
        expect(region[key], `${region.code} ${key}`).toBe(kids.reduce((sum, kid) => sum + kid[key], 0));
      }
    }
  });

  it('gives about 90 % of compounds and 40 % of grids a party branch', () => {
    expect(share(regionsAt(county, 'compound').map((c) => c.hasBranch))).toBeGreaterThan(0.84);
    expect(share(regionsAt(county, 'compound').map((c) => c.hasBranch))).toBeLessThan(0.96);
    expect(share(regionsAt(county, 'grid').map((g) => g.hasBranch))).toBeGreaterThan(0.35);
    expect(share(regionsAt(county, 'grid').map((g) => g.hasBranch))).toBeLessThan(0.45);
  });

  it('puts every region’s centroid inside its own polygon', () => {
    const geometry = geometryByCode(county);
    for (const region of county.regions) expect(pointInPolygon(region.centroid[0], region.centroid[1], geometry.get(region.code)!), region.code).toBe(true);
  });

  it('puts the seat street (甘蔗街道) where the real county seat is', () => {
    const seat = reference.county.seat;
    const ganzhe = county.features.street.features.find((f) => f.properties.name === '甘蔗街道')!;
    expect(pointInPolygon(seat[0]!, seat[1]!, ganzhe.geometry)).toBe(true);
  });
});
