import { SHANGHAI_OFFSET_MS, shanghaiDayStart } from '../../shared/logic/shanghaiTime';
import { chineseT, type Translate } from '../i18n/Translate';

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * 09:05 for today, 3月12日 09:05 for another day — in Asia/Shanghai whatever the tablet's own
 * zone, by fixed-offset arithmetic (China has one zone and no daylight saving). `now` is the
 * server's clock, so "today" is the command centre's today.
 */
export const shanghaiTimeText = (at: number, now: number, t: Translate = chineseT): string => {
  const local = new Date(at + SHANGHAI_OFFSET_MS);
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  if (shanghaiDayStart(at) === shanghaiDayStart(now)) return time;
  return t('tablet.otherDay', { month: local.getUTCMonth() + 1, day: local.getUTCDate(), time });
};
