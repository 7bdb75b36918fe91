import type { EventsPage, Snapshot } from '../../../shared/contract/snapshot';
import type { JinlinEvent } from '../../../shared/domain/event';
import type { Region } from '../../../shared/domain/region';
import { applyEvent } from '../../../shared/logic/applyEvent';
import { createEntityState } from '../../../shared/logic/entityState';
import { readKpis } from '../../../shared/logic/kpi/readKpis';
import { rebuildKpis } from '../../../shared/logic/kpi/rebuildKpis';
import type { ReplayEventsQuery } from '../../../client/api/fetchReplayEvents';
import type { ReplayClock, ReplaySink, ReplaySource } from '../../../client/replay/ReplayPlayer';

export const T0 = Date.UTC(2026, 11, 4, 7, 0); // 15:00 in Shanghai
export const MINUTE_MS = 60_000;

const COUNTY: Region = {
  code: '350121',
  level: 'county',
  name: '闽侯县',
  parentCode: null,
  path: ['350121'],
  centroid: [119.13, 26.15],
  households: 1,
  residents: 1,
  partyMembers: 1,
  hasBranch: false,
  sample: true,
} as Region;

/** A log of `count` wishes posted, one a minute from T0 (seq n at T0 + n minutes). */
export const minuteLog = (count: number): JinlinEvent[] =>
  Array.from({ length: count }, (_, i) => {
    const at = T0 + (i + 1) * MINUTE_MS;
    const wish = { id: `w${i + 1}`, title: '代买药品', description: '', status: 'posted' as const, regionCode: COUNTY.code, regionPath: [COUNTY.code], residentName: '居民', postedAt: at };
    return { seq: i + 1, id: `e${i + 1}`, type: 'wish:posted' as const, at, regionPath: [COUNTY.code], payload: { wish } };
  });

/**
 * The replay routes over an in-memory log, as the server answers them: a snapshot is the log up
 * to `at` (its KPI figure "wishes.posted" counts the events folded), a page is the events after
 * a seq up to `to`. `hold` keeps answers back until the test lets them go.
 */
export const fakeReplayServer = (log: readonly JinlinEvent[]) => {
  const requests: string[] = [];
  let held: Array<() => void> | null = null;
  const answer = async <T>(value: () => T, signal: AbortSignal): Promise<T> => {
    if (held) await new Promise<void>((resolve) => held!.push(resolve));
    if (signal.aborted) throw new Error('aborted');
    return value();
  };
  /** The log folded up to `at` through the shared reducer, its figures by the shared KPI code, as the server does. */
  const snapshotAt = (at: number, scope: string): Snapshot => {
    const entities = createEntityState();
    for (const event of log) if (event.at <= at) applyEvent(entities, event);
    const region = { ...COUNTY, code: scope };
    const kpis = readKpis(rebuildKpis([region], entities, at), scope, entities.seq, at);
    const wishes = [...entities.wishes.values()];
    return { seq: entities.seq, at, scope, epoch: 'e1', region, ancestors: [], kpis, children: [], incidents: [], stations: [], checkins: [], wishes };
  };
  const source: ReplaySource = {
    snapshot: ({ at, scope }, signal) => {
      requests.push(`snapshot at=${at} scope=${scope}`);
      return answer(() => snapshotAt(at, scope), signal);
    },
    events: (query: ReplayEventsQuery, signal) => {
      requests.push(`events after=${query.after} limit=${query.limit}`);
      return answer((): EventsPage => {
        const inPeriod = log.filter((event) => event.seq > query.after && event.at <= query.to);
        const events = inPeriod.slice(0, query.limit);
        return { events, nextAfter: events.at(-1)?.seq ?? query.after, hasMore: inPeriod.length > query.limit, headSeq: log.length, epoch: 'e1' };
      }, signal);
    },
  };
  return {
    source,
    requests,
    hold: () => (held = []),
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const go of waiting) go();
    },
  };
};

/** What the stores were given: snapshots loaded, events applied, KPI figures (wishes posted). */
export const recordingSink = () => {
  const loaded: Snapshot[] = [];
  const applied: JinlinEvent[] = [];
  const kpis: number[] = [];
  const sink: ReplaySink = {
    load: (snapshot) => {
      loaded.push(snapshot);
      applied.length = 0;
    },
    apply: (events) => applied.push(...events),
    kpis: (figures) => kpis.push(figures.wishes.posted),
  };
  return { sink, loaded, applied, kpis, seqs: () => applied.map((event) => event.seq) };
};

/** A clock the test moves: each advance runs the ticks it passes and lets answers settle. */
export const manualClock = () => {
  let now = 0;
  const jobs = new Map<() => void, { ms: number; next: number }>();
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const clock: ReplayClock = {
    now: () => now,
    every(ms, run) {
      jobs.set(run, { ms, next: now + ms });
      return () => jobs.delete(run);
    },
  };
  return {
    clock,
    settle,
    async advance(ms: number): Promise<void> {
      const end = now + ms;
      for (;;) {
        const due = [...jobs.entries()].filter(([, job]) => job.next <= end).sort((a, b) => a[1].next - b[1].next)[0];
        if (!due) break;
        now = due[1].next;
        due[1].next += due[1].ms;
        due[0]();
        await settle();
      }
      now = end;
      await settle();
    },
  };
};
