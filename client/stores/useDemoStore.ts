import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { DemoState, TourStop } from '../../shared/contract/demo';

/**
 * What the server says about the demo: the tour every wall follows, the scenario running, whether
 * a reset is under way and whether the county is sample data. Replaced whole on every `demo` frame.
 */
export const useDemoStore = defineStore('demo', () => {
  const state = shallowRef<DemoState | null>(null);
  /** False on a wall opened with `?tour=off`: it shows live data only and never a tour stop. */
  const followsTour = ref(true);
  /** The server's real clock minus this device's, from the last frame that said (see DemoState.sentAt). */
  const clockOffsetMs = ref(0);

  /** The tour stop on screen now (playing or paused), or null when free-roaming or with no tour. */
  const currentStop = computed<TourStop | null>(() => {
    const tour = state.value?.tour;
    if (!followsTour.value || !tour || tour.mode === 'free') return null;
    return tour.stops[tour.index] ?? null;
  });
  /** A tour stop is being shown: alarms queue their camera flights until it ends. */
  const showingStop = computed(() => currentStop.value !== null);
  const scenarioRunning = computed(() => state.value?.scenario?.running === true);
  /** The "演示数据 / sample data" mark: the sample county, or a scripted scenario, is on screen. */
  const sampleShown = computed(() => state.value?.sample === true || scenarioRunning.value);

  // One socket delivers frames in order, and a reconnect sends the current state first.
  const accept = (next: DemoState, receivedAt: number = Date.now()) => {
    state.value = next;
    if (next.sentAt !== undefined) clockOffsetMs.value = next.sentAt - receivedAt;
  };

  /** Real server time now (epoch ms), for the tour's `endsAt`. */
  const serverNow = (deviceNow: number = Date.now()): number => deviceNow + clockOffsetMs.value;

  const setFollowsTour = (follows: boolean) => {
    followsTour.value = follows;
  };

  return { state, followsTour, clockOffsetMs, currentStop, showingStop, scenarioRunning, sampleShown, accept, serverNow, setFollowsTour };
});

export type DemoStore = ReturnType<typeof useDemoStore>;
