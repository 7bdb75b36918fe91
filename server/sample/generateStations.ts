import type { LngLat } from '../../shared/domain/common';
import type { Station, StationType } from '../../shared/domain/station';
import { pointInPolygon } from '../../shared/logic/geo/pointInPolygon';
import { randomPointInside } from '../../shared/logic/geo/samplePoints';
import type { Rng } from '../../shared/logic/rng';
import { everydayName, nameStem } from './divisionNames';
import type { RegionDraft } from './regionDraft';
import { STATION_PROFILES, stationCapacity, stationHours } from './stationProfiles';

/** Share of compounds with a room or red station of their own (Minhou: 69 rooms for 104 compounds). */
const COMPOUND_STATION_SHARE = 0.65;
/** Of those, the share that are activity rooms rather than red stations. */
const ROOM_SHARE = 0.6;
/** The occasional specialised stations a community may host. */
const COMMUNITY_EXTRAS: readonly [StationType, number][] = [
  ['civility_station', 0.35],
  ['elderly_care', 0.35],
  ['canteen', 0.25],
  ['legal_aid', 0.2],
];

export interface StationInputs {
  streets: readonly RegionDraft[];
  communities: readonly RegionDraft[];
  compounds: readonly RegionDraft[];
  /** Street code → the community holding its town seat, where the 邻里中心 stands. */
  seatCommunities: ReadonlyMap<string, string>;
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** A random spot inside the region, rounded to ~0.1 m unless rounding would step outside. */
const locate = (region: RegionDraft, rng: Rng): LngLat => {
  const [lng, lat] = randomPointInside(rng, region.geometry) as [number, number];
  const rounded = { lng: round6(lng), lat: round6(lat) };
  return pointInPolygon(rounded.lng, rounded.lat, region.geometry) ? rounded : { lng, lat };
};

/** Builds stations with ids ST-<regionCode>-<n>, n counting per region from 1. */
const createStationFactory = (rng: Rng) => {
  const counts = new Map<string, number>();
  return (type: StationType, name: string, region: RegionDraft): Station => {
    const n = (counts.get(region.code) ?? 0) + 1;
    counts.set(region.code, n);
    return {
      id: `ST-${region.code}-${n}`,
      type,
      name,
      regionCode: region.code,
      regionPath: region.path,
      location: locate(region, rng),
      hours: stationHours(type, rng),
      capacity: stationCapacity(type, rng),
      // Everything starts closed and idle: the simulator opens stations and staffs them.
      status: 'closed',
      onDuty: null,
      onDutyCount: 0,
      visitors: 0,
      activity: null,
      updatedAt: 0,
    };
  };
};

/**
 * The service stations (阵地): one 党群服务中心 per community, a 邻里中心 per street with a town,
 * a sprinkling of specialised stations, and a room or red station in about two compounds in three.
 */
export const generateStations = (inputs: StationInputs, rng: Rng): Station[] => {
  const make = createStationFactory(rng);
  const stations: Station[] = [];
  const streetsBySeat = new Map([...inputs.seatCommunities].map(([street, community]) => [community, street]));
  const streetByCode = new Map(inputs.streets.map((street) => [street.code, street]));
  const compoundsByCommunity = new Map<string | null, RegionDraft[]>();
  for (const compound of inputs.compounds) {
    compoundsByCommunity.set(compound.parentCode, [...(compoundsByCommunity.get(compound.parentCode) ?? []), compound]);
  }
  for (const community of inputs.communities) {
    const placeName = everydayName(community.name);
    stations.push(make('party_service_center', `${placeName}${STATION_PROFILES.party_service_center.suffix}`, community));
    const street = streetByCode.get(streetsBySeat.get(community.code) ?? '');
    if (street) stations.push(make('neighbourhood_center', `${nameStem(street.name)}${STATION_PROFILES.neighbourhood_center.suffix}`, community));
    for (const [type, share] of COMMUNITY_EXTRAS) {
      if (rng.chance(share)) stations.push(make(type, `${placeName}${STATION_PROFILES[type].suffix}`, community));
    }
    for (const compound of compoundsByCommunity.get(community.code) ?? []) {
      if (!rng.chance(COMPOUND_STATION_SHARE)) continue;
      const type: StationType = rng.chance(ROOM_SHARE) ? 'compound_room' : 'red_station';
      stations.push(make(type, `${compound.name}${STATION_PROFILES[type].suffix}`, compound));
    }
  }
  return stations;
};
