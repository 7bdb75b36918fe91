import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AlarmFrame, AlarmNotice } from '../../shared/contract/alarms';

/**
 * The active alarms the server's feed names for this screen's token — the whole county for a
 * wall, whatever region it shows — newest first. Replaced whole on every `alarms` frame.
 */
export const useAlarmFeedStore = defineStore('alarmFeed', () => {
  const alarms = shallowRef<readonly AlarmNotice[]>([]);
  /** All active alarms, of which `alarms` names the newest (the frame is capped). */
  const total = ref(0);
  /** The log epoch of the list; null until the first frame. */
  const epoch = ref<string | null>(null);
  /** Bumped per frame, so a watcher sees a frame even when the list is equal to the last. */
  const frames = ref(0);

  // One socket delivers frames in order, and a reconnect sends the complete list first.
  const accept = (frame: AlarmFrame) => {
    alarms.value = frame.alarms;
    total.value = frame.total;
    epoch.value = frame.epoch;
    frames.value++;
  };

  return { alarms, total, epoch, frames, accept };
});

export type AlarmFeedStore = ReturnType<typeof useAlarmFeedStore>;
