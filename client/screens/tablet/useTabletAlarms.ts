import { computed, type Ref } from 'vue';
import type { Incident } from '../../../shared/domain/incident';
import { activeAlarms, type Alarm } from '../../../shared/logic/alarms/alarmOf';
import type { AlarmPolicy } from '../../../shared/logic/alarms/alarmPolicy';
import type { LiveStore } from '../../stores/useLiveStore';
import { withAnswers } from './latestIncident';

export interface AlarmRow {
  alarm: Alarm;
  incident: Incident;
}

/**
 * The alarms of the leader's region, newest first, as the walls show them — with this tablet's
 * own answers laid over the store, so an acknowledged alarm leaves the list as soon as the server
 * has said yes, not only when the event comes round.
 */
export const useTabletAlarms = (
  live: LiveStore,
  answers: Readonly<Ref<ReadonlyMap<string, Incident>>>,
  now: Readonly<Ref<number>>,
  policy: Readonly<Ref<AlarmPolicy | null>>,
) =>
  computed<AlarmRow[]>(() => {
    void live.entitiesVersion;
    if (!policy.value) return [];
    const incidents = new Map(withAnswers(live.entities.incidents.values(), answers.value).map((i) => [i.id, i]));
    return activeAlarms(incidents.values(), now.value, policy.value).flatMap((alarm) => {
      const incident = incidents.get(alarm.incidentId);
      return incident ? [{ alarm, incident }] : [];
    });
  });
