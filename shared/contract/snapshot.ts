import type { CheckIn } from '../domain/volunteer';
import type { Incident } from '../domain/incident';
import type { RegionKpis } from '../domain/kpi';
import type { Region } from '../domain/region';
import type { Station } from '../domain/station';
import type { Wish } from '../domain/wish';
import type { JinlinEvent } from '../domain/event';

/** A child region's headline figures, for rankings and choropleths. */
export interface ChildFigures {
  code: string;
  name: string;
  level: Region['level'];
  households: number;
  open: number;
  overdue: number;
  reportedToday: number;
  resolvedToday: number;
}

/**
 * Everything a screen needs for one scope, consistent with log position `seq`:
 * apply events with seq > snapshot.seq on top of it, never older ones.
 */
export interface Snapshot {
  seq: number;
  /** The log epoch `seq` belongs to; a reset starts another, and seqs of two epochs never compare. */
  epoch: string;
  at: number;
  scope: string;
  region: Region;
  /** County down to the scope's parent, for the breadcrumb. */
  ancestors: Region[];
  kpis: RegionKpis;
  children: ChildFigures[];
  /** Open incidents plus those closed within the last 7 days (heat window). */
  incidents: Incident[];
  stations: Station[];
  /** Members on duty now plus today's closed check-ins. */
  checkins: CheckIn[];
  wishes: Wish[];
}

export interface EventsPage {
  events: JinlinEvent[];
  /** Pass as `after` for the next page. */
  nextAfter: number;
  hasMore: boolean;
  headSeq: number;
  /** The log epoch of these events: another than the screen's snapshot's means reload, not apply. */
  epoch: string;
}
