import { defineStore } from 'pinia';
import { shallowRef } from 'vue';

/** What the operator asked to see in detail: an incident or a station by id, or a region by code. */
export type Selection = { kind: 'incident'; id: string } | { kind: 'station'; id: string } | { kind: 'region'; code: string };

/**
 * The one thing the wall shows a detail card for (client/detail/). A fact of the view, not of the
 * data: the card reads the record from the live store, so it always shows what the server sent this
 * screen's audience and follows the record live; a record that leaves the store closes the card.
 */
export const useSelectionStore = defineStore('selection', () => {
  const selected = shallowRef<Selection | null>(null);

  const select = (next: Selection | null): void => {
    selected.value = next;
  };

  const clear = (): void => {
    selected.value = null;
  };

  return { selected, select, clear };
});

export type SelectionStore = ReturnType<typeof useSelectionStore>;
