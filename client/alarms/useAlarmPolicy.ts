import { onBeforeUnmount, onMounted, shallowRef, type Ref } from 'vue';
import type { AlarmPolicy } from '../../shared/logic/alarms/alarmPolicy';
import { retryUntilDone } from '../api/retryUntilDone';
import { fetchAlarmPolicy } from '../api/fetchAlarmPolicy';

const RETRY_DELAY_MS = 5_000;

/**
 * The deployment's alarm policy for a component's lifetime; null until the server has answered.
 * A screen that comes up before its server keeps asking, as it does for everything else.
 */
export const useAlarmPolicy = (token: string | null): Readonly<Ref<AlarmPolicy | null>> => {
  const policy = shallowRef<AlarmPolicy | null>(null);
  const stop = new AbortController();
  onMounted(() => {
    retryUntilDone((signal) => fetchAlarmPolicy(token, signal), {
      delayMs: RETRY_DELAY_MS,
      signal: stop.signal,
      onFailure: (error) => console.warn('the alarm policy could not be loaded, retrying', error),
    }).then(
      (loaded) => (policy.value = loaded),
      () => undefined, // only ever rejects because the screen was closed
    );
  });
  onBeforeUnmount(() => stop.abort(new Error('the screen was closed')));
  return policy;
};
