import type { StageMessage } from '../pipeline/stage-message.js';
import { buildStageMessage } from '../pipeline/stage-message.js';
import type { Stage } from '../pipeline/stages.js';
import { nextStage } from '../pipeline/stages.js';

/** Simulated I/O: resolves after `ms` (at once for 0), or early when `signal` aborts. */
export function simulateWork(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * What a stage hands off for the message it received: the next stage's task, or the completion event after the
 * last stage. Its id is deterministic, so a redelivered task publishes the same message again.
 */
export function handOff(stage: Stage, received: Pick<StageMessage, 'goalId' | 'messageId'>): StageMessage {
  return buildStageMessage({
    goalId: received.goalId,
    stage: nextStage(stage) ?? 'completed',
    causationId: received.messageId,
    timestamp: new Date().toISOString(),
  });
}

/**
 * Bounds the tasks a process runs at once: `acquire()` resolves with a release function once a slot is free.
 * Used where the client would otherwise hand over messages without limit (a consume loop, core NATS).
 */
export class WorkSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly size: number) {
    this.free = size;
  }

  /** Waits for a free slot; call the returned function exactly once when the task is over. */
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const wake = this.waiting.shift();
      if (wake) return wake();
      this.free += 1;
      if (this.free === this.size) for (const idle of this.idleWaiters.splice(0)) idle();
    };
  }

  /** Runs `work` in a slot. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Resolves once no task holds a slot. */
  idle(): Promise<void> {
    if (this.free === this.size) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
