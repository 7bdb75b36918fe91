import { ROUTES } from '../../shared/contract/http';
import { INCIDENT_CATEGORIES, PRIORITIES } from '../../shared/domain/incident';
import type { AlarmPolicy } from '../../shared/logic/alarms/alarmPolicy';
import { apiFetch } from './apiFetch';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const allIn = (value: unknown, allowed: readonly string[]): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && allowed.includes(item));

const isClockTime = (value: unknown): boolean => typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** A structural check of the server's answer: a wall must not act on half a policy. */
export const isAlarmPolicy = (value: unknown): value is AlarmPolicy =>
  isRecord(value) &&
  allIn(value.priorities, PRIORITIES) &&
  (value.categories === 'all' || allIn(value.categories, INCIDENT_CATEGORIES)) &&
  typeof value.overdue === 'boolean' &&
  typeof value.voice === 'boolean' &&
  (value.quietHours === null || (isRecord(value.quietHours) && isClockTime(value.quietHours.from) && isClockTime(value.quietHours.to)));

/** GET /api/v1/alarm-policy with this screen's token; rejects on any answer but a policy. */
export const fetchAlarmPolicy = async (token: string | null, signal: AbortSignal): Promise<AlarmPolicy> => {
  const response = await apiFetch(ROUTES.alarmPolicy, { signal }, token);
  if (!response.ok) throw new Error(`GET ${ROUTES.alarmPolicy} answered ${response.status}`);
  const body: unknown = await response.json();
  if (!isAlarmPolicy(body)) throw new Error(`GET ${ROUTES.alarmPolicy} did not answer an alarm policy`);
  return body;
};
