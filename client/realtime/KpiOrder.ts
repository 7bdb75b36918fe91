import type { RegionKpis } from '../../shared/domain/kpi';

/**
 * KPI frames are coalesced per room and may cross a snapshot in flight; figures must never step
 * back. Newer means a later log position, or the same one computed later (time alone moves
 * overdue counts and hourly buckets).
 */
export class KpiOrder {
  private seq = -1;
  private at = -1;

  /** Starts over from a snapshot's figures. */
  reset(kpis: RegionKpis): void {
    this.seq = kpis.seq;
    this.at = kpis.at;
  }

  /** Whether `kpis` is newer than the last accepted; if so, it becomes the last accepted. */
  accept(kpis: RegionKpis): boolean {
    if (kpis.seq < this.seq || (kpis.seq === this.seq && kpis.at < this.at)) return false;
    this.reset(kpis);
    return true;
  }
}
