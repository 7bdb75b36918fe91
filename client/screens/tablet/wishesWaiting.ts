import type { Wish } from '../../../shared/domain/wish';

/** 微心愿 posted and not yet claimed by a member, the longest waiting first. */
export const wishesWaiting = (wishes: Iterable<Wish>): Wish[] =>
  [...wishes].filter((w) => w.status === 'posted').sort((a, b) => a.postedAt - b.postedAt || a.id.localeCompare(b.id));
