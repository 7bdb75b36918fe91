import type { AlarmNotice } from '../../shared/contract/alarms';
import type { IncidentCategory } from '../../shared/domain/incident';
import { levelOfCode } from '../../shared/domain/region';
import type { AlarmReason } from '../../shared/logic/alarms/alarmOf';
import { createRegionDirectory, placeOf, type DirectoryEntry } from '../stores/regionDirectory';
import { clockTimeOf } from '../time/shanghaiClock';

/** How many alarm cards a wall shows at once; the rest are counted beneath them. */
export const MAX_ALARM_CARDS = 3;

/**
 * One alarm as a wall card: what, where, when and why — and nothing personal. The feed never
 * carries a reporter; the card does not even show the description.
 */
export interface AlarmCard {
  incidentId: string;
  reason: AlarmReason;
  category: IncidentCategory;
  /** Community · compound, or the nearest named region. */
  place: string;
  /** HH:MM (Asia/Shanghai) the alarm began: the report for urgent, the deadline for overdue. */
  time: string;
  /** How many alarms of the same place and category this card stands for (the newest leads). */
  count: number;
}

export interface AlarmCards {
  cards: AlarmCard[];
  /** Active alarms not shown as cards. */
  more: number;
}

/**
 * Where an alarm is, worded as the event board words places, from the names the notice brings:
 * the alarm may lie outside the region the wall shows, so the wall's own directory may not know it.
 */
export const placeOfNotice = (notice: Pick<AlarmNotice, 'regionPath' | 'regionNames'>): string => {
  const entries = notice.regionPath.flatMap((code, i): DirectoryEntry[] => {
    const level = levelOfCode(code);
    const name = notice.regionNames[i];
    return level && name ? [{ code, level, name, hasBranch: false }] : [];
  });
  return placeOf(createRegionDirectory(entries), notice.regionPath);
};

/**
 * The newest alarm groups as cards (the feed sends alarms newest first, each naming its group's
 * lead): repeats of one place and category are one card with their count, and "more" counts the
 * alarms no card stands for, those of a capped frame included.
 */
export const alarmCardsOf = (alarms: readonly AlarmNotice[], maxCards = MAX_ALARM_CARDS, total = alarms.length): AlarmCards => {
  const cards = alarms
    .filter((alarm) => alarm.group === alarm.incidentId)
    .slice(0, maxCards)
    .map((alarm) => ({
      incidentId: alarm.incidentId,
      reason: alarm.reason,
      category: alarm.category,
      place: placeOfNotice(alarm),
      time: clockTimeOf(alarm.since).slice(0, 5),
      count: alarm.count,
    }));
  const shown = cards.reduce((sum, card) => sum + card.count, 0);
  return { cards, more: Math.max(0, Math.max(total, alarms.length) - shown) };
};
