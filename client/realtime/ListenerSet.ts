/** A typed list of callbacks: the whole event API of the live layer, without an emitter library. */
export class ListenerSet<T> {
  private readonly listeners = new Set<(value: T) => void>();

  /** Adds a listener; the returned function removes it. */
  add(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        // A failing listener (a store or view bug) must not stop the sequencer half-way through a
        // batch; rethrown outside this call stack it still reaches window.onerror and the logs.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
