import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AlarmFrame, AlarmNotice } from '../../shared/contract/alarms';

/**
 * The active alarms the server's feed names for this screen's token — the whole county for a
 * wall, whatever region it shows — newest first. Replaced whole on every `alarms` frame.
 */
export const useAlarmFeedStore = defineStore('alarmFeed', () => {
  const alarms = shallowRef<readonly AlarmNotice[]>([]);
  /** The log epoch of the list; null until the first frame. */
  const epoch = ref<string | null>(null);
  /** Bumped per frame, so a watcher sees a frame even when the list is equal to the last. */
  const frames = ref(0);

  // One socket delivers frames in order, and a reconnect sends the complete list first.
  const accept = (frame: AlarmFrame) => {
    alarms.value = frame.alarms;
    epoch.value = frame.epoch;
    frames.value++;
  };

  return { alarms, epoch, frames, accept };
});

export type AlarmFeedStore = ReturnType<typeof useAlarmFeedStore>;
