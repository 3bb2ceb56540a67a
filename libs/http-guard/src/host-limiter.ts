import { types } from 'node:util';

/** Gives a slot back; calling it more than once has no further effect. */
export type ReleaseSlot = () => void;

interface Waiter {
  readonly grant: (release: ReleaseSlot) => void;
}

interface HostSlots {
  active: number;
  readonly waiters: Waiter[];
}

/**
 * A semaphore per key (a `host:port`): at most `limit` holders per key at once, granted first come first
 * served. A key's bookkeeping is dropped as soon as it has no holder and no waiter, so idle hosts cost nothing.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, HostSlots>();

  /** @param limit slots per key (at least 1). */
  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`host limit must be an integer >= 1, not ${limit}`);
  }

  /**
   * Waits for a slot on `key`. Rejects with the signal's reason if `signal` aborts first (the place in line is
   * given up; nothing is leaked). The returned function releases the slot.
   */
  acquire(key: string, signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    let slots = this.hosts.get(key);
    if (!slots) {
      slots = { active: 0, waiters: [] };
      this.hosts.set(key, slots);
    }
    if (slots.active < this.limit) {
      slots.active += 1;
      return Promise.resolve(this.releaser(key, slots));
    }
    const queued = slots;
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const onAbort = () => {
        const index = queued.waiters.indexOf(waiter);
        if (index >= 0) queued.waiters.splice(index, 1);
        this.dropIfIdle(key, queued);
        reject(abortReason(signal));
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      queued.waiters.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Runs `task` while holding a slot on `key`; the slot is released however the task ends. */
  async run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(key, signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  /** Slots held on `key` right now. */
  active(key: string): number {
    return this.hosts.get(key)?.active ?? 0;
  }

  /** Keys with a holder or a waiter (idle keys are forgotten). */
  get trackedKeys(): number {
    return this.hosts.size;
  }

  private releaser(key: string, slots: HostSlots): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = slots.waiters.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next.grant(this.releaser(key, slots));
      else {
        slots.active -= 1;
        this.dropIfIdle(key, slots);
      }
    };
  }

  private dropIfIdle(key: string, slots: HostSlots): void {
    if (slots.active === 0 && slots.waiters.length === 0 && this.hosts.get(key) === slots)
      this.hosts.delete(key);
  }
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error || types.isNativeError(reason)) return reason;
  return new DOMException('waiting for a host slot was aborted', { name: 'AbortError', cause: reason });
}
