import { Value } from '@sinclair/typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { Station, type StationType } from '../../../shared/domain/station';
import { pointInPolygon } from '../../../shared/logic/geo/pointInPolygon';
import { everydayName } from '../../../server/sample/divisionNames';
import type { SampleCounty } from '../../../server/sample/generateCounty';
import { generateDefaultCounty, geometryByCode, regionsAt } from './sampleCountyFixture';

let county: SampleCounty;
const ofType = (type: StationType) => county.stations.filter((station) => station.type === type);

beforeAll(() => {
  county = generateDefaultCounty();
});

describe('the sample county stations (seed 1, scale 1)', () => {
  it('matches the Station schema, with unique ids ST-<regionCode>-<n>', () => {
    for (const station of county.stations) {
      expect(Value.Check(Station, station), station.id).toBe(true);
      expect(station.id).toMatch(new RegExp(`^ST-${station.regionCode}-\\d+$`));
    }
    expect(new Set(county.stations.map((station) => station.id)).size).toBe(county.stations.length);
  });

  it('gives every community one 党群服务中心 named after it', () => {
    const centres = ofType('party_service_center');
    const communities = regionsAt(county, 'community');
    expect(centres.map((c) => c.regionCode)).toEqual(communities.map((c) => c.code));
    centres.forEach((centre, i) => expect(centre.name).toBe(`${everydayName(communities[i]!.name)}党群服务中心`));
  });

  it('gives about 65 % of compounds an activity room or a red station', () => {
    const compounds = regionsAt(county, 'compound');
    const served = new Set([...ofType('compound_room'), ...ofType('red_station')].map((station) => station.regionCode));
    expect(served.size / compounds.length).toBeGreaterThan(0.55);
    expect(served.size / compounds.length).toBeLessThan(0.75);
    expect(ofType('compound_room').length).toBeGreaterThan(0);
    expect(ofType('red_station').length).toBeGreaterThan(0);
  });

  it('gives every street with communities one 邻里中心, in one of its communities', () => {
    const streetsWithTowns = new Set(regionsAt(county, 'community').map((c) => c.parentCode));
    const centres = ofType('neighbourhood_center');
    expect(new Set(centres.map((c) => c.regionPath[1])).size).toBe(centres.length);
    expect(new Set(centres.map((c) => c.regionPath[1]))).toEqual(streetsWithTowns);
    expect(centres.every((c) => c.regionPath.length === 3)).toBe(true);
  });

  it('sprinkles elderly-care stations, canteens, legal aid and civility stations over the communities', () => {
    for (const type of ['elderly_care', 'canteen', 'legal_aid', 'civility_station'] as const) {
      expect(ofType(type).length, type).toBeGreaterThan(2);
      expect(ofType(type).length, type).toBeLessThan(30);
    }
  });

  it('places every station inside the region it belongs to, under that region’s path', () => {
    const geometry = geometryByCode(county);
    const paths = new Map(county.regions.map((region) => [region.code, region.path]));
    for (const station of county.stations) {
      expect(pointInPolygon(station.location.lng, station.location.lat, geometry.get(station.regionCode)!), station.id).toBe(true);
      expect(station.regionPath).toEqual(paths.get(station.regionCode));
    }
  });

  it('starts every station closed and idle, for the simulator to open', () => {
    for (const station of county.stations) {
      expect(station).toMatchObject({ status: 'closed', onDuty: null, onDutyCount: 0, visitors: 0, activity: null, updatedAt: 0 });
    }
  });

  it('keeps realistic hours: centres open all day at weekends, 延时服务 only ever to 21:00, legal aid closed at weekends', () => {
    for (const station of county.stations) {
      expect(station.hours.weekdayOpen < station.hours.weekdayClose).toBe(true);
      if (station.hours.extendedUntil !== undefined) expect(station.hours.extendedUntil).toBe('21:00');
    }
    for (const centre of [...ofType('party_service_center'), ...ofType('neighbourhood_center')]) expect(centre.hours.weekend).toBe('all_day');
    for (const legal of ofType('legal_aid')) expect(legal.hours.weekend).toBe('closed');
    expect(county.stations.filter((s) => s.hours.extendedUntil).length / county.stations.length).toBeGreaterThan(0.3);
  });
});
