/** Promises of callers waiting for the next snapshot to be applied (start, a scope switch). */
export class SnapshotWaiters {
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  next(): Promise<void> {
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  resolveAll(): void {
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
  }

  rejectAll(error: Error): void {
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  /** Forgets them: a closed connection will not settle them, and must not raise unhandled rejections. */
  clear(): void {
    this.waiters = [];
  }
}
