import { DAY_MS, shanghaiParts } from '../../shared/logic/shanghaiTime';

/** 24 local-hour weights, normalised below so that a day averages 1: a rate per day stays a rate per day. */
type HourProfile = readonly number[];

const normalise = (weights: HourProfile): HourProfile => {
  const mean = weights.reduce((sum, w) => sum + w, 0) / weights.length;
  return weights.map((w) => w / mean);
};

/**
 * Activity of the sample county at rate 1, per day, and its shape over the day (Asia/Shanghai).
 * The magnitudes follow the seeds (shared/brief/domain.md):
 * - incidents: ~0.2 per grid per day, from patrols (08:30 to 17:30), 12345 and 随手拍 into the evening;
 * - check-ins: Luancheng-scale counties log ~3,000 a year, but a live demo needs members on duty,
 *   so 0.1 per grid per day (~1 in 8 of a grid's members checks in once a month), 5× on 回家日;
 * - wishes: one district fulfilled 3,770 over a few years, i.e. ~0.01 per grid per day.
 * Station status is driven by opening hours, and visitor counts refresh every ~45 minutes while open.
 */
export const simulatorRates = {
  incidentsPerGridDay: 0.2,
  checkinsPerGridDay: 0.1,
  wishesPerGridDay: 0.01,
  homecomingCheckinFactor: 5,
  stationUpdateMeanMinutes: 45,
  /**
   * However high the rate, a station reports its visitors at most every quarter of an hour, like a
   * door counter would: at rate 20 the stations' reports would otherwise swamp everything else.
   */
  stationUpdateMinMinutes: 15,
  incidentProfile: normalise([
    0.12, 0.08, 0.06, 0.06, 0.08, 0.15, 0.35, 0.8, 1.5, 1.9, 2, 1.8, 1.2, 1.3, 1.7, 1.8, 1.7, 1.5, 1.3, 1.3, 1.2, 0.9,
    0.5, 0.25,
  ]),
  checkinProfile: normalise([
    0, 0, 0, 0, 0, 0, 0.05, 0.4, 1.6, 2.4, 2.4, 1.4, 0.5, 0.6, 1.8, 2.2, 2, 1.2, 0.6, 1.2, 1.4, 0.6, 0.1, 0,
  ]),
  wishProfile: normalise([
    0.05, 0, 0, 0, 0, 0.05, 0.2, 0.6, 1.2, 1.6, 1.6, 1.2, 1, 1, 1.4, 1.5, 1.4, 1.3, 1.4, 1.8, 1.8, 1.2, 0.6, 0.2,
  ]),
  /** Weekends: fewer patrols, more volunteers. */
  weekendIncidentFactor: 0.85,
  weekendCheckinFactor: 1.3,
} as const;

/** The profile's weight for the local hour containing `at`. */
export const hourWeight = (profile: HourProfile, at: number): number => profile[shanghaiParts(at).hour] ?? 0;

export const isWeekend = (at: number): boolean => {
  const weekday = shanghaiParts(at).weekday;
  return weekday === 0 || weekday === 6;
};

/** 回家日: employed party members report back to their home community on the last Sunday of the month. */
export const isHomecomingDay = (at: number): boolean => {
  const parts = shanghaiParts(at);
  return parts.weekday === 0 && shanghaiParts(at + 7 * DAY_MS).month !== parts.month;
};
