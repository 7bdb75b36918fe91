import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue';
import type { Role } from '../../shared/logic/access';
import { useDemoStore } from '../stores/useDemoStore';
import { mayTakeOverTour, tourHintOf } from './tourTakeover';

/**
 * A wall's way out of the guided tour. While a stop owns the wall its map takes no clicks; a click
 * (on the map or on the hint) then pauses the tour for this wall alone, if its token allows
 * (tourTakeover.ts): the wall stops following the tour, the map is the operator's again, and the
 * other walls tour on. A second click on the hint rejoins the tour. Without the right, a click only
 * nudges the hint, which says to use the presenter's remote: never ignored, never harmful.
 */
export const useTourTakeover = (roleOf: (signal: AbortSignal) => Promise<Role | null>) => {
  const demo = useDemoStore();
  const role = ref<Role | null>(null);
  const takenOver = ref(false);
  /** Bumped on every refused click: the hint blinks once for each. */
  const nudges = ref(0);
  const stop = new AbortController();

  const tourRunning = computed(() => {
    const tour = demo.state?.tour;
    return tour != null && tour.mode !== 'free' && tour.stops.length > 0;
  });
  const mayTakeOver = computed(() => mayTakeOverTour(role.value));
  const hint = computed(() => tourHintOf({ tourRunning: tourRunning.value, showingStop: demo.showingStop, takenOver: takenOver.value, mayTakeOver: mayTakeOver.value }));

  const rejoin = (): void => {
    takenOver.value = false;
    demo.setFollowsTour(true);
  };

  /** The hint's click, or a click the map refused while a stop owns it. */
  const toggle = (): void => {
    if (takenOver.value) return rejoin();
    if (!demo.showingStop) return;
    if (!mayTakeOver.value) {
      nudges.value += 1;
      return;
    }
    takenOver.value = true;
    demo.setFollowsTour(false);
  };

  // A tour that ends (free roam, none loaded) frees the wall anyway: the next one is followed again.
  watch(tourRunning, (running) => !running && takenOver.value && rejoin());

  onMounted(() => {
    roleOf(stop.signal).then(
      (known) => (role.value = known),
      (error: unknown) => stop.signal.aborted || console.warn('who this wall is could not be asked; the tour stays in charge', error),
    );
  });
  onBeforeUnmount(() => stop.abort(new Error('the wall was closed')));

  return { hint, nudges, toggle };
};
