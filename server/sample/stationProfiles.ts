import type { OpeningHours, StationType } from '../../shared/domain/station';
import type { Rng } from '../../shared/logic/rng';

interface StationProfile {
  /** Sign text after the place name: 三福社区 + 党群服务中心, 三福小区 + 党建客厅. */
  suffix: string;
  opens: readonly string[];
  closes: readonly string[];
  /** Share of stations of this type offering 延时服务 to 21:00 on weekdays. */
  extendedShare: number;
  weekend: OpeningHours['weekend'];
  capacity: [number, number];
}

/**
 * What each kind of station looks like on the ground. Hours follow the seeds: centres run 延时服务
 * to 21:00 on weekdays and open all day at weekends; compound rooms keep office hours; legal aid
 * closes at weekends.
 */
export const STATION_PROFILES: Readonly<Record<StationType, StationProfile>> = {
  party_service_center: { suffix: '党群服务中心', opens: ['08:00', '08:30'], closes: ['17:30', '18:00'], extendedShare: 0.8, weekend: 'all_day', capacity: [80, 240] },
  neighbourhood_center: { suffix: '邻里中心', opens: ['08:00', '08:30'], closes: ['18:00'], extendedShare: 1, weekend: 'all_day', capacity: [200, 500] },
  compound_room: { suffix: '党建客厅', opens: ['09:00', '14:00'], closes: ['17:30', '18:00'], extendedShare: 0.4, weekend: 'same', capacity: [20, 60] },
  red_station: { suffix: '近邻红色驿站', opens: ['08:30', '09:00'], closes: ['17:30', '18:00'], extendedShare: 0.5, weekend: 'same', capacity: [10, 40] },
  civility_station: { suffix: '新时代文明实践站', opens: ['08:30', '09:00'], closes: ['17:30'], extendedShare: 0.3, weekend: 'same', capacity: [30, 100] },
  elderly_care: { suffix: '颐康服务站', opens: ['08:00'], closes: ['17:30', '18:00'], extendedShare: 0, weekend: 'same', capacity: [20, 60] },
  canteen: { suffix: '长者饭堂', opens: ['10:30', '11:00'], closes: ['18:30', '19:00'], extendedShare: 0, weekend: 'same', capacity: [40, 120] },
  legal_aid: { suffix: '公共法律服务工作站', opens: ['09:00'], closes: ['17:00'], extendedShare: 0, weekend: 'closed', capacity: [4, 12] },
};

export const stationHours = (type: StationType, rng: Rng): OpeningHours => {
  const profile = STATION_PROFILES[type];
  const hours: OpeningHours = { weekdayOpen: rng.pick(profile.opens), weekdayClose: rng.pick(profile.closes), weekend: profile.weekend };
  if (rng.chance(profile.extendedShare)) hours.extendedUntil = '21:00';
  return hours;
};

export const stationCapacity = (type: StationType, rng: Rng): number => rng.int(...STATION_PROFILES[type].capacity);
