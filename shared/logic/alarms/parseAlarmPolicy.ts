import { INCIDENT_CATEGORIES, PRIORITIES, type IncidentCategory, type Priority } from '../../domain/incident';
import { err, ok, type Result } from '../result';
import { DEFAULT_ALARM_POLICY, type AlarmPolicy } from './alarmPolicy';
import { parseQuietHours } from './quietHours';

type Env = Readonly<Record<string, string | undefined>>;

const ON = ['1', 'true', 'on', 'yes'];
const OFF = ['0', 'false', 'off', 'no'];

const given = (env: Env, name: string): string | undefined => {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
};

const flag = (env: Env, name: string, fallback: boolean): Result<boolean, string> => {
  const raw = given(env, name)?.toLowerCase();
  if (raw === undefined) return ok(fallback);
  if (ON.includes(raw)) return ok(true);
  if (OFF.includes(raw)) return ok(false);
  return err(`${name} must be on or off, got "${env[name]}"`);
};

/** A comma-separated list of known values, e.g. "urgent,high"; unknown or repeated values are refused. */
const listOf = <T extends string>(name: string, raw: string, allowed: readonly T[]): Result<T[], string> => {
  const values = raw.split(',').map((value) => value.trim());
  const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
  if (unknown.length > 0) return err(`${name} must list values of ${allowed.join(', ')}; "${unknown.join('", "')}" is not one`);
  if (new Set(values).size !== values.length) return err(`${name} names a value twice: "${raw}"`);
  return ok(values as T[]);
};

/** ALARM_PRIORITIES: a list of priorities, or "none" for overdue-only alarms. */
const priorities = (env: Env): Result<Priority[], string> => {
  const raw = given(env, 'ALARM_PRIORITIES');
  if (raw === undefined) return ok([...DEFAULT_ALARM_POLICY.priorities]);
  return raw.toLowerCase() === 'none' ? ok([]) : listOf('ALARM_PRIORITIES', raw, PRIORITIES);
};

/** ALARM_CATEGORIES: "all", or a list of incident categories. */
const categories = (env: Env): Result<IncidentCategory[] | 'all', string> => {
  const raw = given(env, 'ALARM_CATEGORIES');
  if (raw === undefined || raw.toLowerCase() === 'all') return ok('all');
  return listOf('ALARM_CATEGORIES', raw, INCIDENT_CATEGORIES);
};

/** ALARM_QUIET_HOURS: "HH:MM-HH:MM" in Asia/Shanghai, or "off"/absent for none. */
const quietHours = (env: Env): Result<AlarmPolicy['quietHours'], string> => {
  const raw = given(env, 'ALARM_QUIET_HOURS');
  if (raw === undefined || OFF.includes(raw.toLowerCase())) return ok(null);
  const parsed = parseQuietHours(raw);
  return typeof parsed === 'string' ? err(`ALARM_QUIET_HOURS ${parsed}`) : ok(parsed);
};

/** The alarm policy from ALARM_* variables, defaults for the absent ones; an error names the variable. */
export const parseAlarmPolicy = (env: Env): Result<AlarmPolicy, string> => {
  const p = priorities(env);
  const c = categories(env);
  const o = flag(env, 'ALARM_OVERDUE', DEFAULT_ALARM_POLICY.overdue);
  const q = quietHours(env);
  const v = flag(env, 'ALARM_VOICE', DEFAULT_ALARM_POLICY.voice);
  if (!p.ok) return p;
  if (!c.ok) return c;
  if (!o.ok) return o;
  if (!q.ok) return q;
  if (!v.ok) return v;
  return ok({ priorities: p.value, categories: c.value, overdue: o.value, quietHours: q.value, voice: v.value });
};
