/**
 * Sees every goal completion of a system and tells whoever waits for it: one goal (latency) or a batch
 * (throughput). A completion seen twice counts as a duplicate, not as a second goal.
 */
export class CompletionTracker {
  private readonly seen = new Set<string>();
  private readonly listeners = new Set<(goalId: string, at: number) => void>();
  duplicates = 0;

  /** Records a completion (the drivers call it). */
  readonly complete = (goalId: string): void => {
    if (this.seen.has(goalId)) {
      this.duplicates += 1;
      return;
    }
    this.seen.add(goalId);
    const at = performance.now();
    for (const listener of this.listeners) listener(goalId, at);
  };

  /** Calls `listener` for each new completion until the returned function is called. */
  listen(listener: (goalId: string, at: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the time `goalId` completed; rejects after `timeoutMs`. */
  waitFor(goalId: string, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`goal ${goalId} did not complete within ${timeoutMs}ms`));
      }, timeoutMs);
      const stop = this.listen((id, at) => {
        if (id !== goalId) return;
        clearTimeout(timer);
        stop();
        resolve(at);
      });
    });
  }
}
