/** China has one zone, UTC+8, with no daylight saving: local day maths is a fixed offset. */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 24 * 3600_000;
export const HOUR_MS = 3600_000;

/** Epoch ms of the local (Asia/Shanghai) midnight that starts the day containing `now`. */
export const shanghaiDayStart = (now: number): number =>
  Math.floor((now + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;

/** Epoch ms of the local start of the month containing `now`. */
export const shanghaiMonthStart = (now: number): number => {
  const local = new Date(now + SHANGHAI_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - SHANGHAI_OFFSET_MS;
};

/** Start of the hour containing `now` (hours align in UTC+8 as in UTC). */
export const hourStart = (now: number): number => Math.floor(now / HOUR_MS) * HOUR_MS;

/** Local wall-clock parts, for opening hours and diurnal rates. */
export const shanghaiParts = (now: number) => {
  const local = new Date(now + SHANGHAI_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
};
