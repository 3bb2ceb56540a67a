import { setTimeout as sleep } from 'node:timers/promises';
import { HANDOFFS_PER_GOAL } from '../pipeline/stages.js';
import type { ThroughputFigures } from '../stats/bench-results.js';
import type { Pipeline } from './pipeline.js';

/** Goal ids of one phase of one system: unique within the system's queues (the de-duplication window). */
export function goalIds(phase: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `g-${phase}-${i}`);
}

/**
 * Unloaded end-to-end latency: publishes one goal, waits for its completion, pauses `gapMs` so the stages finish
 * their acks, then the next. Returns each goal's latency in milliseconds.
 */
export async function measureLatency(
  pipeline: Pipeline,
  ids: readonly string[],
  options: { readonly timeoutMs: number; readonly gapMs: number },
): Promise<number[]> {
  const latencies: number[] = [];
  for (const id of ids) {
    const completed = pipeline.completions.waitFor(id, options.timeoutMs);
    const started = performance.now();
    await pipeline.driver.publishGoal(id);
    latencies.push((await completed) - started);
    await sleep(options.gapMs);
  }
  return latencies;
}

/**
 * Throughput at saturation: publishes `ids` as fast as the system takes them while at most `window` goals are in
 * flight, and times from the first publish to the last completion. Gives up when no goal completes for
 * `stallMs`, counting the rest as lost (only a transport without durability loses goals).
 */
export function measureThroughput(
  pipeline: Pipeline,
  ids: readonly string[],
  options: { readonly window: number; readonly stallMs: number },
): Promise<ThroughputFigures> {
  const pending = new Set(ids);
  let published = 0;
  let completed = 0;
  let lastCompletion = performance.now();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearInterval(stall);
      stopListening();
      if (error) return reject(error);
      const elapsedMs = lastCompletion - started;
      const goalsPerSec = completed / (elapsedMs / 1_000);
      resolve({
        goals: ids.length,
        completed,
        lost: ids.length - completed,
        elapsedMs,
        goalsPerSec,
        handoffsPerSec: goalsPerSec * HANDOFFS_PER_GOAL,
      });
    };
    const pump = () => {
      while (published < ids.length && published - completed < options.window) {
        const id = ids[published]!;
        published += 1;
        pipeline.driver.publishGoal(id).catch((error: unknown) => finish(error as Error));
      }
    };
    const stopListening = pipeline.completions.listen((goalId, at) => {
      if (!pending.delete(goalId)) return;
      completed += 1;
      lastCompletion = at;
      if (completed === ids.length) finish();
      else pump();
    });
    const stall = setInterval(
      () => {
        if (performance.now() - lastCompletion > options.stallMs) finish();
      },
      Math.min(1_000, options.stallMs),
    );
    pump();
  });
}
