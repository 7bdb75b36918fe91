import type { CheckIn } from '../../../shared/domain/volunteer';

/** Members checked in and not yet out (在岗), the latest arrival first. */
export const volunteersOnDuty = (checkins: Iterable<CheckIn>): CheckIn[] =>
  [...checkins].filter((c) => c.checkedOutAt === undefined).sort((a, b) => b.checkedInAt - a.checkedInAt || a.id.localeCompare(b.id));
