import { chineseT, type Translate } from '../i18n/Translate';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** 3分钟, 2小时5分, 3天4小时: as precise as a leader needs, never more than two units. */
export const durationText = (ms: number, t: Translate = chineseT): string => {
  const minutes = Math.max(0, Math.floor(ms / MINUTE_MS));
  if (minutes < 60) return t('tablet.duration.minutes', { minutes: Math.max(1, minutes) });
  const hours = Math.floor(ms / HOUR_MS);
  if (hours < 24) {
    const rest = minutes - hours * 60;
    return rest === 0 ? t('tablet.duration.hours', { hours }) : t('tablet.duration.hoursMinutes', { hours, minutes: rest });
  }
  const days = Math.floor(ms / DAY_MS);
  const restHours = hours - days * 24;
  return restHours === 0 ? t('tablet.duration.days', { days }) : t('tablet.duration.daysHours', { days, hours: restHours });
};

/** 超期2小时5分 for a missed deadline, 剩余25分钟 for one still ahead. */
export const deadlineText = (dueInMs: number, t: Translate = chineseT): string =>
  dueInMs < 0 ? t('tablet.duration.overdue', { duration: durationText(-dueInMs, t) }) : t('tablet.duration.remaining', { duration: durationText(dueInMs, t) });
