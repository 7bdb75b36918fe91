import { onBeforeUnmount, readonly, ref, type Ref } from 'vue';

/** Pixels per rem at the root: the wall's one size unit, which scales with the viewport. */
const remPx = ref(16);
let users = 0;

const measure = (): void => {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  if (Number.isFinite(size) && size > 0 && size !== remPx.value) remPx.value = size;
};

/**
 * The root font size as a ref, for what CSS cannot size (chart text is in canvas pixels).
 * One resize listener serves every user and goes away with the last of them.
 */
export const useRemPx = (): Readonly<Ref<number>> => {
  if (users++ === 0) {
    measure();
    window.addEventListener('resize', measure);
  }
  onBeforeUnmount(() => {
    if (--users === 0) window.removeEventListener('resize', measure);
  });
  return readonly(remPx);
};
