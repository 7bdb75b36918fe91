import type { EventsPage } from '../../../shared/contract/snapshot';
import type { JinlinEvent } from '../../../shared/domain/event';
import { signTestToken } from '../helpers/testServer';

const admin = { authorization: `Bearer ${signTestToken()}` };

/** The whole log inside `scope`, page by page, as a node serves it. */
export const readLog = async (url: string, scope: string): Promise<JinlinEvent[]> => {
  const events: JinlinEvent[] = [];
  for (let after = 0; ; ) {
    const page = (await (await fetch(`${url}/api/v1/events?after=${after}&scope=${scope}&limit=1000`, { headers: admin })).json()) as EventsPage;
    events.push(...page.events);
    after = page.nextAfter;
    if (!page.hasMore) return events;
  }
};

/** Polls an async condition (an HTTP answer) until it holds: waiting on a state, bounded. */
export const eventually = async (check: () => Promise<boolean>, timeoutMs = 30_000, what = 'condition'): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export const headSeqOf = async (url: string): Promise<number> => ((await (await fetch(`${url}/api/v1/health`)).json()) as { headSeq: number }).headSeq;
