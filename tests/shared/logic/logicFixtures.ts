import type { EventOf, EventType, JinlinEvent } from '../../../shared/domain/event';
import type { Incident } from '../../../shared/domain/incident';
import type { Station } from '../../../shared/domain/station';
import type { CheckIn } from '../../../shared/domain/volunteer';
import type { Wish } from '../../../shared/domain/wish';

/** 闽侯县 → 上街镇 → 榕桥社区 → a compound → a grid: codes nest by prefix as in production. */
export const COUNTY = '350121';
export const STREET = '350121100';
export const COMMUNITY = '350121100001';
export const COMPOUND = '350121100001001';
export const GRID = '35012110000100101';
export const PATH = [COUNTY, STREET, COMMUNITY, COMPOUND, GRID];

export const T0 = Date.UTC(2024, 5, 1, 2, 0, 0); // 10:00 in Shanghai
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

export const makeIncident = (overrides: Partial<Incident> = {}): Incident => ({
  id: 'INC-1',
  category: 'facility',
  source: 'patrol',
  priority: 'normal',
  status: 'reported',
  level: 'grid',
  description: '路灯不亮',
  location: { lng: 119.2, lat: 26.05 },
  gridCode: GRID,
  regionPath: [...PATH],
  reporter: { name: '张三丰', phone: '13812341234', idNumber: '35012119900101123X', address: '榕桥花园3号楼2单元502室' },
  slaMinutes: 1440,
  dueAt: T0 + 1440 * MINUTE,
  reportedAt: T0,
  timeline: [{ action: 'report', at: T0, status: 'reported', level: 'grid' }],
  updatedAt: T0,
  ...overrides,
});

export const makeStation = (overrides: Partial<Station> = {}): Station => ({
  id: 'ST-1',
  type: 'red_station',
  name: '榕桥红色驿站',
  regionCode: COMPOUND,
  regionPath: PATH.slice(0, 4),
  location: { lng: 119.21, lat: 26.06 },
  hours: { weekdayOpen: '08:30', weekdayClose: '17:30', extendedUntil: '21:00', weekend: 'all_day' },
  capacity: 40,
  status: 'closed',
  onDuty: null,
  onDutyCount: 0,
  visitors: 0,
  activity: null,
  updatedAt: T0,
  ...overrides,
});

export const makeCheckin = (overrides: Partial<CheckIn> = {}): CheckIn => ({
  id: 'CK-1',
  memberId: 'M-1',
  memberName: '李四',
  memberPhone: '13900001111',
  kind: 'party_member',
  category: 'elder_help',
  gridCode: GRID,
  regionPath: [...PATH],
  location: { lng: 119.2, lat: 26.05 },
  checkedInAt: T0,
  ...overrides,
});

export const makeWish = (overrides: Partial<Wish> = {}): Wish => ({
  id: 'W-1',
  title: '想要一台收音机',
  description: '独居老人，想听戏',
  status: 'posted',
  regionCode: COMMUNITY,
  regionPath: PATH.slice(0, 3),
  residentName: '王秀英',
  residentPhone: '13700002222',
  postedAt: T0,
  ...overrides,
});

/** An enveloped event with the given seq; the envelope fields other than seq rarely matter to a test. */
export const event = <K extends EventType>(
  seq: number,
  type: K,
  payload: EventOf<K>['payload'],
  at = T0 + seq * MINUTE,
): JinlinEvent => ({ seq, id: `EV-${seq}`, type, at, regionPath: [...PATH], payload }) as EventOf<K> as JinlinEvent;

/** Freezes a value all the way down, so an accidental mutation throws in the (strict-mode) module code. */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};
