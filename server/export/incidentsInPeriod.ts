import type { Incident } from '../../shared/domain/incident';
import type { EventStore } from '../store/EventStore';

export interface PeriodQuery {
  /** Region code; only incidents whose region path runs through it. */
  scope: string;
  /** Reported at or after (epoch ms). */
  fromMs: number;
  /** Reported before (epoch ms). */
  toMs: number;
  pageSize?: number;
}

const PAGE_SIZE = 1000;

/**
 * Every incident of the scope reported in [fromMs, toMs), read from the store's entity rows one
 * keyset page at a time: memory holds one page, however many rows the period has, and a row
 * rewritten while the walk goes on is still read exactly once (in id order).
 */
export async function* incidentsInPeriod(store: EventStore, query: PeriodQuery): AsyncGenerator<Incident[]> {
  const limit = query.pageSize ?? PAGE_SIZE;
  let afterId = '';
  for (;;) {
    const page = (await store.readEntityPage({ kind: 'incident', afterId, limit, scope: query.scope })) as Incident[];
    const inPeriod = page.filter((incident) => incident.reportedAt >= query.fromMs && incident.reportedAt < query.toMs);
    if (inPeriod.length > 0) yield inPeriod;
    if (page.length < limit) return;
    afterId = page[page.length - 1]!.id;
  }
}
