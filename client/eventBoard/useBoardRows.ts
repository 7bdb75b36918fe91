import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import type { JinlinEvent } from '../../shared/domain/event';
import { boardRowOf, type BoardContext, type BoardRow } from './boardRowOf';
import { createFrameBatcher } from './createFrameBatcher';
import { OVERSCAN_ROWS, visibleRowCount } from './visibleRowCount';

const SLIDE_MS = 420;

export interface BoardSource {
  /** Newest first. */
  events: readonly JinlinEvent[];
  context: BoardContext;
}

/** How many of `events` (newest first) are newer than `seq`, the newest row already shown. */
const newerThan = (events: readonly JinlinEvent[], seq: number): number => {
  const index = events.findIndex((event) => event.seq <= seq);
  return index === -1 ? events.length : index;
};

/**
 * The board's rows: only as many as fit (plus the overscan that slides out), rebuilt at most once
 * per animation frame whatever the event rate, and slid down into place by a transform on the
 * list when new ones arrive on top. `source` is read inside the frame, so a burst of changes
 * between two frames costs one rebuild.
 */
export const useBoardRows = (
  source: () => BoardSource,
  list: Readonly<ShallowRef<HTMLElement | null>>,
  viewport: Readonly<ShallowRef<HTMLElement | null>>,
  rowPx: () => number,
): { rows: Readonly<Ref<readonly BoardRow[]>>; freshCount: Readonly<Ref<number>> } => {
  const rowCount = ref(1);
  /** A fixed, recycled set of rows (the template keys them by position), never the whole feed. */
  const rows = shallowRef<readonly BoardRow[]>([]);
  /** The rows of the latest insertion, highlighted until the next one. */
  const freshCount = ref(0);
  let shownSeq = 0;

  const flush = (): Promise<void> | void => {
    const { events, context } = source();
    const visible = events.slice(0, rowCount.value + OVERSCAN_ROWS);
    const inserted = shownSeq === 0 ? 0 : newerThan(visible, shownSeq);
    shownSeq = visible[0]?.seq ?? 0;
    rows.value = visible.map((event) => boardRowOf(event, context));
    if (inserted > 0 || visible.length === 0) freshCount.value = inserted;
    if (inserted === 0 || !list.value || visible.length === 0) return;
    // Start k rows up and slide into place: one composited transform, no layout per frame.
    const shiftPercent = (Math.min(inserted, OVERSCAN_ROWS) / visible.length) * 100;
    const slide = list.value.animate([{ transform: `translateY(-${shiftPercent}%)` }, { transform: 'translateY(0)' }], {
      duration: SLIDE_MS,
      easing: 'cubic-bezier(0.2, 0.7, 0.2, 1)',
    });
    return slide.finished.then(() => undefined);
  };

  const batcher = createFrameBatcher(flush);
  watch([source, rowCount], () => batcher.request());

  const measure = (): void => {
    rowCount.value = visibleRowCount(viewport.value?.clientHeight ?? 0, rowPx());
  };
  const observer = new ResizeObserver(measure);
  onMounted(() => {
    if (viewport.value) observer.observe(viewport.value);
    measure();
    batcher.request();
  });
  onBeforeUnmount(() => {
    observer.disconnect();
    batcher.stop();
  });
  return { rows, freshCount };
};
