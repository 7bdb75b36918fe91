import { onScopeDispose, readonly, ref } from 'vue';

/** How long alarms leave the camera alone after an operator has moved it themselves. */
export const OPERATOR_HOLD_MS = 60_000;

/**
 * An operator who drills into a community, goes back up the breadcrumb or pans the map by hand is
 * looking at it: an alarm must not snatch the camera away seconds later. `held` stays true until the
 * operator has left the wall alone for `holdMs`; the alarm cards and flashes show meanwhile, and the
 * newest alarm still waiting is flown to once the hold ends (AlarmWatch keeps it pending).
 */
export const useOperatorHold = (holdMs = OPERATOR_HOLD_MS) => {
  const held = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;

  const release = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  /** The operator just moved the camera: hold flights for another `holdMs`. */
  const touch = (): void => {
    release();
    held.value = true;
    timer = setTimeout(() => {
      timer = null;
      held.value = false;
    }, holdMs);
  };

  onScopeDispose(release);
  return { held: readonly(held), touch };
};
