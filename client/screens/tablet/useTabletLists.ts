import { computed, type Ref } from 'vue';
import type { Incident } from '../../../shared/domain/incident';
import type { LiveStore } from '../../stores/useLiveStore';
import { incidentQueue } from './incidentQueue';
import { latestIncident, withAnswers } from './latestIncident';
import { stationsByAttention } from './stationsByAttention';
import { volunteersOnDuty } from './volunteersOnDuty';
import { wishesWaiting } from './wishesWaiting';

/**
 * The tablet's lists, recomputed when the store applies a batch (its maps change in place and
 * `entitiesVersion` says so), when this tablet gets an answer, or, for deadlines, as time passes.
 */
export const useTabletLists = (live: LiveStore, answers: Readonly<Ref<ReadonlyMap<string, Incident>>>, now: Readonly<Ref<number>>) => {
  const entities = () => {
    void live.entitiesVersion;
    return live.entities;
  };
  const incidents = computed(() => withAnswers(entities().incidents.values(), answers.value));
  return {
    queue: computed(() => incidentQueue(incidents.value, now.value)),
    stations: computed(() => stationsByAttention(entities().stations.values())),
    volunteers: computed(() => volunteersOnDuty(entities().checkins.values())),
    wishes: computed(() => wishesWaiting(entities().wishes.values())),
    incidentById: (id: string): Incident | null => latestIncident(entities().incidents.get(id), answers.value.get(id)) ?? null,
    stationName: (id: string | undefined): string | null => (id ? (entities().stations.get(id)?.name ?? null) : null),
  };
};
