/** Whole rows that fit the board's height (at least one, so the board never renders nothing). */
export const visibleRowCount = (heightPx: number, rowPx: number): number =>
  rowPx > 0 && heightPx > 0 ? Math.max(1, Math.floor(heightPx / rowPx)) : 1;

/**
 * Rows rendered beyond the visible ones: when k rows are inserted at the top the list slides
 * down by k rows, and the rows sliding out at the bottom must still be there to slide. It also
 * caps how far one step slides, so a burst never turns into a long scroll.
 */
export const OVERSCAN_ROWS = 4;
