/**
 * Whether live frames reach a screen's stores. A replay holds them (the live link keeps following
 * the log underneath, so it stays subscribed and current); releasing asks the link for a fresh
 * snapshot of its scope and lets frames through again only once that snapshot is in the stores,
 * so the picture resumes from the live log by seq and no live frame lands on the replayed one.
 * bindStores.ts consults it; the screen's replay holds and releases it.
 */
export class LiveHold {
  private phase: 'live' | 'held' | 'resuming' = 'live';
  private resumed: Array<() => void> = [];

  constructor(private readonly reload: () => void) {}

  /** Live snapshots, events and KPI frames are dropped from now on. */
  hold(): void {
    this.phase = 'held';
  }

  /** Reloads the live snapshot; settles when it is in the stores. */
  release(): Promise<void> {
    if (this.phase === 'live') return Promise.resolve();
    this.phase = 'resuming';
    const done = new Promise<void>((resolve) => this.resumed.push(resolve));
    this.reload();
    return done;
  }

  get held(): boolean {
    return this.phase !== 'live';
  }

  /** Whether a live snapshot may be applied now: while resuming it is the one asked for. */
  takesSnapshot(): boolean {
    return this.phase !== 'held';
  }

  /** Called once a snapshot has been applied (bindStores.ts): a resume is then complete. */
  snapshotApplied(): void {
    if (this.phase !== 'resuming') return;
    this.phase = 'live';
    for (const resolve of this.resumed.splice(0)) resolve();
  }
}
