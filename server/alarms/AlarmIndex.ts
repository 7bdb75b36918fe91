import type { Incident } from '../../shared/domain/incident';
import { activeAlarms, type Alarm } from '../../shared/logic/alarms/alarmOf';
import type { AlarmPolicy } from '../../shared/logic/alarms/alarmPolicy';
import { isOpen } from '../../shared/logic/sla';

/**
 * The incidents that alarm now or may alarm later under the policy: open ones of its categories,
 * and of its priorities unless overdue alarms too. Kept up to date per committed event, so the
 * feed never walks the days of closed incidents that live state retains for its figures.
 */
export class AlarmIndex {
  private readonly candidates = new Map<string, Incident>();

  constructor(private readonly policy: AlarmPolicy) {}

  private mayAlarm(incident: Incident): boolean {
    const { categories, priorities, overdue } = this.policy;
    if (!isOpen(incident)) return false;
    if (categories !== 'all' && !categories.includes(incident.category)) return false;
    return overdue || priorities.includes(incident.priority);
  }

  /** Starts over from every incident of live state (at boot, and after a reset to morning). */
  rebuild(incidents: Iterable<Incident>): void {
    this.candidates.clear();
    for (const incident of incidents) this.update(incident.id, incident);
  }

  /** The incident as live state now holds it (undefined: gone). */
  update(id: string, incident: Incident | undefined): void {
    if (incident && this.mayAlarm(incident)) this.candidates.set(id, incident);
    else this.candidates.delete(id);
  }

  get(id: string): Incident | undefined {
    return this.candidates.get(id);
  }

  get size(): number {
    return this.candidates.size;
  }

  /** The active alarms at `now`, newest first. */
  alarms(now: number): Alarm[] {
    return activeAlarms(this.candidates.values(), now, this.policy);
  }

  /**
   * The first moment after `now` at which time alone changes the list: the next deadline to pass
   * (an incident is overdue once the clock is past its dueAt). Infinity when none is ahead.
   */
  nextChangeAfter(now: number): number {
    if (!this.policy.overdue) return Number.POSITIVE_INFINITY;
    let next = Number.POSITIVE_INFINITY;
    for (const incident of this.candidates.values()) {
      if (incident.dueAt >= now && incident.dueAt < next) next = incident.dueAt;
    }
    return next + 1;
  }
}
