import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue';
import type { Incident } from '../../shared/domain/incident';
import { systemTimers } from '../realtime/Timers';
import { isAlarmAck, postAlarmAck } from '../api/alarmAck';
import { newIdempotencyKey } from '../api/newIdempotencyKey';
import { Outbox, type OutboxBody, type PendingAction } from './Outbox';
import { postTransition } from '../api/postTransition';

const sessionStorageOrNull = (): Storage | null => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
};

/**
 * The outbox for a component's lifetime: its list as reactive state, the server's answers to
 * done actions by incident id, and a retry as soon as there is reason to think the server can be
 * reached again — the browser is back online, or the live connection is live again.
 */
export const useOutbox = (reachable: Readonly<Ref<boolean>>) => {
  const actions = shallowRef<readonly PendingAction[]>([]);
  const answers = shallowRef<ReadonlyMap<string, Incident>>(new Map());
  const outbox = new Outbox(
    {
      send: (action) => (isAlarmAck(action.body) ? postAlarmAck(action) : postTransition(action)),
      storage: sessionStorageOrNull(),
      timers: systemTimers,
      now: () => Date.now(),
      random: () => Math.random(),
      newKey: () => newIdempotencyKey(),
    },
    {
      changed: (next) => (actions.value = next),
      done: (_action, incident) => {
        if (incident) answers.value = new Map(answers.value).set(incident.id, incident);
      },
    },
  );
  const retryNow = () => outbox.retryNow();

  onMounted(() => {
    window.addEventListener('online', retryNow);
    outbox.start();
  });
  watch(reachable, (isReachable) => isReachable && retryNow());
  onBeforeUnmount(() => {
    window.removeEventListener('online', retryNow);
    outbox.close();
  });

  return {
    actions,
    answers,
    submit: (incidentId: string, body: OutboxBody) => outbox.submit(incidentId, body),
    dismiss: (key: string) => outbox.dismiss(key),
  };
};
