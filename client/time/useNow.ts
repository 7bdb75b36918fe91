import { onBeforeUnmount, readonly, ref, type Ref } from 'vue';

/** Wall-clock now, moved on each whole second so a clock on the wall ticks with real seconds. */
const now = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

const tick = (): void => {
  now.value = Date.now();
  // Re-aimed at the next second boundary every time, so timer drift never accumulates.
  timer = setTimeout(tick, 1000 - (now.value % 1000));
};

/** The current time as a ref updated every second; one timer serves every user. */
export const useNow = (): Readonly<Ref<number>> => {
  if (users++ === 0) tick();
  onBeforeUnmount(() => {
    if (--users === 0) clearTimeout(timer);
  });
  return readonly(now);
};
