import type { EventsPage } from '../../../../shared/contract/snapshot';

/** Every seq of a scope's log after `after`, straight from the server's store: the truth to compare with. */
export const scopeLog = async (url: string, scope: string, after: number): Promise<number[]> => {
  const seqs: number[] = [];
  for (let next = after; ; ) {
    const response = await fetch(`${url}/api/v1/events?after=${next}&scope=${scope}&limit=1000`);
    const page = (await response.json()) as EventsPage;
    seqs.push(...page.events.map((event) => event.seq));
    next = page.nextAfter;
    if (!page.hasMore) return seqs;
  }
};

