import type { Incident, IncidentCategory } from '../../../../shared/domain/incident';
import type { Region, RegionLevel } from '../../../../shared/domain/region';
import type { Station } from '../../../../shared/domain/station';
import type { CheckIn } from '../../../../shared/domain/volunteer';
import type { Wish } from '../../../../shared/domain/wish';

/**
 * A tiny hierarchy: 1 county, 2 streets, 1 community each, 3 compounds, 4 grids.
 *   350121 county
 *   ├─ 350121001 street A ─ 350121001001 community A ─┬─ compound A1 ─┬─ grid A1a
 *   │                                                 │               └─ grid A1b
 *   │                                                 └─ compound A2 ─── grid A2a
 *   └─ 350121002 street B ─ 350121002001 community B ─── compound B1 ─── grid B1a
 */
export const COUNTY = '350121';
export const STREET_A = '350121001';
export const STREET_B = '350121002';
export const COMMUNITY_A = '350121001001';
export const COMMUNITY_B = '350121002001';
export const COMPOUND_A1 = '350121001001001';
export const COMPOUND_A2 = '350121001001002';
export const COMPOUND_B1 = '350121002001001';
export const GRID_A1A = '35012100100100101';
export const GRID_A1B = '35012100100100102';
export const GRID_A2A = '35012100100100201';
export const GRID_B1A = '35012100200100101';
export const GRIDS = [GRID_A1A, GRID_A1B, GRID_A2A, GRID_B1A];

const LEVEL_BY_LENGTH: Record<number, RegionLevel> = {
  6: 'county',
  9: 'street',
  12: 'community',
  15: 'compound',
  17: 'grid',
};
const PREFIX_LENGTHS = [6, 9, 12, 15, 17];

/** County → … → `code`, derived from the code prefixes as the real division codes are. */
export const pathOf = (code: string): string[] =>
  PREFIX_LENGTHS.filter((n) => n <= code.length).map((n) => code.slice(0, n));

export const region = (code: string): Region => {
  const path = pathOf(code);
  return {
    code,
    level: LEVEL_BY_LENGTH[code.length] as RegionLevel,
    name: `region ${code}`,
    parentCode: path.length > 1 ? (path[path.length - 2] as string) : null,
    path,
    centroid: [119.1, 26.1],
    households: 100,
    residents: 300,
    partyMembers: 20,
    hasBranch: true,
    sample: true,
  };
};

export const REGIONS: Region[] = [
  COUNTY, STREET_A, STREET_B, COMMUNITY_A, COMMUNITY_B, COMPOUND_A1, COMPOUND_A2, COMPOUND_B1, ...GRIDS,
].map(region);

/** Children of each region, for the parent-equals-sum checks. */
export const childrenOf = (regions: readonly Region[], code: string): string[] =>
  regions.filter((r) => r.parentCode === code).map((r) => r.code);

export const MINUTE_MS = 60_000;
/** 2024-03-31 22:00 in Shanghai (14:00 UTC): two hours before local midnight and the month's end. */
export const T0 = Date.UTC(2024, 2, 31, 14, 0);
/** 2024-04-01 00:00 in Shanghai, i.e. 2024-03-31 16:00 UTC. */
export const LOCAL_MIDNIGHT = Date.UTC(2024, 2, 31, 16, 0);

export const makeIncident = (id: string, grid: string, at: number, extra: Partial<Incident> = {}): Incident => ({
  id,
  category: 'sanitation' as IncidentCategory,
  source: 'patrol',
  priority: 'normal',
  status: 'reported',
  level: 'grid',
  description: 'rubbish piled by the gate',
  location: { lng: 119.1, lat: 26.1 },
  gridCode: grid,
  regionPath: pathOf(grid),
  slaMinutes: 60,
  dueAt: at + 60 * MINUTE_MS,
  reportedAt: at,
  timeline: [{ action: 'report', at, status: 'reported', level: 'grid' }],
  updatedAt: at,
  ...extra,
});

export const makeStation = (id: string, regionCode: string, extra: Partial<Station> = {}): Station => ({
  id,
  type: 'red_station',
  name: `station ${id}`,
  regionCode,
  regionPath: pathOf(regionCode),
  location: { lng: 119.1, lat: 26.1 },
  hours: { weekdayOpen: '08:30', weekdayClose: '17:30', extendedUntil: '21:00', weekend: 'all_day' },
  capacity: 40,
  status: 'open',
  onDuty: null,
  onDutyCount: 1,
  visitors: 0,
  activity: null,
  updatedAt: T0,
  ...extra,
});

export const makeCheckIn = (id: string, grid: string, at: number, extra: Partial<CheckIn> = {}): CheckIn => ({
  id,
  memberId: `m-${id}`,
  memberName: '张三',
  kind: 'party_member',
  category: 'elder_help',
  gridCode: grid,
  regionPath: pathOf(grid),
  location: { lng: 119.1, lat: 26.1 },
  checkedInAt: at,
  ...extra,
});

export const makeWish = (id: string, regionCode: string, at: number, extra: Partial<Wish> = {}): Wish => ({
  id,
  title: '修理轮椅',
  description: '',
  status: 'posted',
  regionCode,
  regionPath: pathOf(regionCode),
  residentName: '李四',
  postedAt: at,
  ...extra,
});
