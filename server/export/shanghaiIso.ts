import { SHANGHAI_OFFSET_MS } from '../../shared/logic/shanghaiTime';

/** `2026-12-04T10:11:12+08:00`: ISO 8601 with the offset, local time as a command centre reads it. */
export const shanghaiIso = (ms: number): string =>
  `${new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;

/** `2026-12-04 10:11:12` in Asia/Shanghai: the form Excel and WPS read as a date-time in a CSV. */
export const shanghaiLocal = (ms: number): string => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

const DATE_OR_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?)?$/;

/** The pattern parseShanghaiTime accepts, for the TypeBox schemas of routes that take one. */
export const DATE_OR_TIME_PATTERN = DATE_OR_TIME.source;

/**
 * Epoch ms of an ISO 8601 date or date-time; without an offset it is Asia/Shanghai local time. A
 * date alone means its local midnight, or with `endOfDay` the next midnight (so `to=2026-12-04`
 * includes that whole day). NaN when the text is no real date.
 */
export const parseShanghaiTime = (text: string, endOfDay = false): number => {
  const match = DATE_OR_TIME.exec(text);
  if (!match) return Number.NaN;
  const [, date, time, offset] = match;
  const ms = Date.parse(`${date}T${time ?? '00:00'}${offset ?? '+08:00'}`);
  // Date.parse rolls 2026-02-30 over to March: a date that does not exist is refused instead.
  const local = new Date(Date.parse(`${date}T00:00Z`));
  if (Number.isNaN(ms) || local.toISOString().slice(0, 10) !== date) return Number.NaN;
  return time === undefined && endOfDay ? ms + 24 * 3600_000 : ms;
};
