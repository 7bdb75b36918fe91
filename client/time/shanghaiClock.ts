import { SHANGHAI_OFFSET_MS } from '../../shared/logic/shanghaiTime';

/** The command centre's zone; China has one, with no daylight saving. */
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * HH:MM:SS in Asia/Shanghai by fixed-offset arithmetic: the event board formats up to a hundred
 * times a second, and this needs neither Intl nor the PC's own zone setting.
 */
export const clockTimeOf = (epochMs: number): string => {
  const local = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
};

/** The Shanghai hour (0–23) of an instant, for hourly axis labels. */
export const shanghaiHourOf = (epochMs: number): number => new Date(epochMs + SHANGHAI_OFFSET_MS).getUTCHours();
