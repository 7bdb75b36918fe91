import { describe, expect, it } from 'vitest';
import type { Station } from '../../../../shared/domain/station';
import type { CheckIn } from '../../../../shared/domain/volunteer';
import type { Wish } from '../../../../shared/domain/wish';
import { stationsByAttention } from '../../../../client/screens/tablet/stationsByAttention';
import { volunteersOnDuty } from '../../../../client/screens/tablet/volunteersOnDuty';
import { wishesWaiting } from '../../../../client/screens/tablet/wishesWaiting';

const PATH = ['350121', '350121001', '350121001001'];

const station = (id: string, name: string, status: Station['status']): Station => ({
  id,
  type: 'red_station',
  name,
  regionCode: PATH[2] as string,
  regionPath: PATH,
  location: { lng: 119.1, lat: 26.1 },
  hours: { weekdayOpen: '08:30', weekdayClose: '17:30', weekend: 'same' },
  capacity: 30,
  status,
  onDuty: null,
  onDutyCount: 0,
  visitors: 0,
  activity: null,
  updatedAt: 0,
});

const checkin = (id: string, checkedInAt: number, checkedOutAt?: number): CheckIn => ({
  id,
  memberId: `M-${id}`,
  memberName: '王五',
  kind: 'party_member',
  category: 'elder_help',
  regionPath: PATH,
  location: { lng: 119.1, lat: 26.1 },
  checkedInAt,
  ...(checkedOutAt === undefined ? {} : { checkedOutAt }),
});

const wish = (id: string, postedAt: number, status: Wish['status']): Wish => ({
  id,
  title: '修轮椅',
  description: '',
  status,
  regionCode: PATH[2] as string,
  regionPath: PATH,
  residentName: '赵六',
  postedAt,
});

describe('the tablet’s other lists', () => {
  it('lists stations with a fault first, then those serving now, closed ones last', () => {
    const sorted = stationsByAttention([
      station('a', '甲驿站', 'closed'),
      station('b', '乙驿站', 'open'),
      station('c', '丙驿站', 'fault'),
      station('d', '丁驿站', 'extended'),
    ]);
    expect(sorted.map((s) => s.status)).toEqual(['fault', 'extended', 'open', 'closed']);
  });

  it('lists only the members still on duty, the latest arrival first', () => {
    expect(volunteersOnDuty([checkin('1', 100), checkin('2', 300), checkin('3', 200, 250)]).map((c) => c.id)).toEqual(['2', '1']);
  });

  it('lists the wishes nobody has claimed yet, the longest waiting first', () => {
    expect(wishesWaiting([wish('1', 300, 'posted'), wish('2', 100, 'posted'), wish('3', 50, 'claimed')]).map((w) => w.id)).toEqual(['2', '1']);
  });
});
