import { computed, ref, watch, type Ref } from 'vue';
import { estimateServerNow } from './estimateServerNow';
import { useNow } from './useNow';

/** The server's clock, ticking with the wall clock between heartbeats at the server clock's speed. */
export const useServerNow = (serverTime: Readonly<Ref<number | null>>, speed: Readonly<Ref<number>> = ref(1)): Readonly<Ref<number>> => {
  const wallNow = useNow();
  let heardAtWallMs = Date.now();
  watch(serverTime, () => {
    heardAtWallMs = Date.now();
  });
  return computed(() => estimateServerNow(serverTime.value, heardAtWallMs, wallNow.value, speed.value));
};
