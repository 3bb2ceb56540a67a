import { z } from 'zod';
import { BenchError } from '../errors.js';
import type { StageMessage } from '../pipeline/stage-message.js';
import type { Stage } from '../pipeline/stages.js';
import { SCALED_STAGE } from '../pipeline/stages.js';
import { StageEnv } from './stage-env.js';
import { handOff, simulateWork, WorkSlots } from './stage-work.js';

/**
 * What a whole-pipeline worker process reads at boot (LangGraph's graph worker, Restate's service endpoint): the
 * stage settings without `BENCH_STAGE`, since one process runs all four stages. Defaults are next to each field.
 */
export const WorkerEnv = StageEnv.omit({ BENCH_STAGE: true }).extend({
  /** Scrape steps one worker runs at once (the scale-out run sets 1, as for the other systems' scrape replicas). */
  BENCH_SCALED_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).optional(),
  /**
   * Port to listen on, shared by every replica through `SO_REUSEPORT` (the kernel spreads connections over them,
   * as an L4 load balancer would); default: a free port of its own.
   */
  BENCH_LISTEN_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  /** The private PostgreSQL of the pass (LangGraph's checkpointer). */
  POSTGRES_URL: z.string().min(1).optional(),
});
/** A worker process's settings. */
export type WorkerEnv = z.infer<typeof WorkerEnv>;

/** Parses the worker settings. Throws BenchError `invalid-options` naming each bad variable. */
export function loadWorkerEnv(env: Readonly<Record<string, string | undefined>>): WorkerEnv {
  const parsed = WorkerEnv.safeParse(env);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message.toLowerCase()}`).join('; ');
  throw new BenchError('invalid-options', `invalid worker settings: ${detail}`);
}

/**
 * One stage's work inside a whole-pipeline worker, the same as a stage process does: no work, except that the
 * scaled (scrape) stage sleeps `BENCH_WORK_MS` with at most `BENCH_SCALED_CONCURRENCY` such sleeps at once;
 * returns the stage's hand-off (the next stage's task, or the completion event after the last stage).
 */
export function createStageStep(
  env: Pick<WorkerEnv, 'BENCH_WORK_MS' | 'BENCH_CONCURRENCY' | 'BENCH_SCALED_CONCURRENCY'>,
): (stage: Stage, received: StageMessage) => Promise<StageMessage> {
  const slots = new WorkSlots(env.BENCH_SCALED_CONCURRENCY ?? env.BENCH_CONCURRENCY);
  return async (stage, received) => {
    if (stage === SCALED_STAGE && env.BENCH_WORK_MS > 0) {
      await slots.run(() => simulateWork(env.BENCH_WORK_MS));
    }
    return handOff(stage, received);
  };
}
