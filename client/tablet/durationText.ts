const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** 3分钟, 2小时5分, 3天4小时: as precise as a leader needs, never more than two units. */
export const durationText = (ms: number): string => {
  const minutes = Math.max(0, Math.floor(ms / MINUTE_MS));
  if (minutes < 60) return `${Math.max(1, minutes)}分钟`;
  const hours = Math.floor(ms / HOUR_MS);
  if (hours < 24) {
    const rest = minutes - hours * 60;
    return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分`;
  }
  const days = Math.floor(ms / DAY_MS);
  const restHours = hours - days * 24;
  return restHours === 0 ? `${days}天` : `${days}天${restHours}小时`;
};

/** 超期2小时5分 for a missed deadline, 剩余25分钟 for one still ahead. */
export const deadlineText = (dueInMs: number): string =>
  dueInMs < 0 ? `超期${durationText(-dueInMs)}` : `剩余${durationText(dueInMs)}`;
