/**
 * Waits `ms`, or less when `signal` aborts; never rejects. The abort listener is removed when the wait ends, so
 * a loop that sleeps on one long-lived signal does not pile up listeners (MaxListenersExceededWarning).
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
