import type { Wish } from '../../domain/wish';
import { addAlongPath, resolveKpiPath, type KpiBook } from './kpiBook';
import { WISH_STATUS_FIELD } from './kpiFields';

/** A wish counts once, under its current status. Timeless. */
export const countWish = (book: KpiBook, wish: Wish, sign: 1 | -1): void => {
  addAlongPath(book, resolveKpiPath(book, wish.regionPath), WISH_STATUS_FIELD[wish.status], sign);
};

/** Call after the reducer has replaced a wish: `before` undefined when posted. */
export const kpiOnWish = (book: KpiBook, before: Wish | undefined, after: Wish): void => {
  if (before !== undefined) countWish(book, before, -1);
  countWish(book, after, 1);
};
