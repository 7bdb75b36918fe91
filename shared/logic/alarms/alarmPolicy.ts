import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../domain/common';
import { IncidentCategory, Priority } from '../../domain/incident';

const strict = { additionalProperties: false } as const;

/** A wall-clock time of day in Asia/Shanghai, 'HH:MM' (00:00–23:59). */
export const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

/** From `from` (inclusive) to `to` (exclusive); `to` earlier than `from` runs across midnight. */
export const QuietHours = Type.Object({ from: ClockTime, to: ClockTime }, strict);
export type QuietHours = Static<typeof QuietHours>;

/**
 * Which incidents raise an alarm on the walls, and whether the walls may say so aloud. Deployment
 * configuration (ALARM_* variables), served to every screen by GET /api/v1/alarm-policy.
 */
export const AlarmPolicy = Type.Object(
  {
    /** An open incident of one of these priorities alarms from the moment it is reported. */
    priorities: Type.Array(Priority, { uniqueItems: true }),
    /** Only incidents of these categories alarm at all, for either reason. */
    categories: Type.Union([Type.Literal('all'), Type.Array(IncidentCategory, { minItems: 1, uniqueItems: true })]),
    /** An open incident past its deadline alarms, whatever its priority. */
    overdue: Type.Boolean(),
    /** During these hours alarms still show on the walls, but no voice line is spoken. */
    quietHours: Nullable(QuietHours),
    /** Whether walls speak a line (browser speech synthesis) for each new alarm. */
    voice: Type.Boolean(),
  },
  strict,
);
export type AlarmPolicy = Static<typeof AlarmPolicy>;

export const DEFAULT_ALARM_POLICY: AlarmPolicy = {
  priorities: ['urgent'],
  categories: 'all',
  overdue: true,
  quietHours: null,
  voice: true,
};
