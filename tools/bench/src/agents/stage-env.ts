import { z } from 'zod';
import { BenchError } from '../errors.js';
import { STAGES } from '../pipeline/stages.js';

/**
 * What every bench stage process reads at boot (the harness sets it). Defaults are next to each field.
 */
export const StageEnv = z.object({
  /** The stage this process serves. */
  BENCH_STAGE: z.enum(STAGES),
  /** Prefix of every stream, subject, queue and consumer name of this run, so runs never collide. */
  BENCH_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'prefix may hold only letters, digits, "_" and "-"'),
  /** Simulated I/O per task in milliseconds (a sleep; 0 = no work). */
  BENCH_WORK_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /**
   * Scrapes the search stage fans out to per goal, which the scrape stage joins before the rank task (the
   * "how cost grows" runs); 0 = the plain pipeline, one task per hop and no join.
   */
  BENCH_FANOUT: z.coerce.number().int().min(0).max(1_000).default(0),
  /** Tasks one process works on at once. */
  BENCH_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(32),
  /** NATS server of the raw JetStream and NestJS stages. */
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
  /** Redis server of the BullMQ stages. */
  REDIS_URL: z.string().min(1).default('redis://127.0.0.1:6379'),
});
/** A stage process's settings. */
export type StageEnv = z.infer<typeof StageEnv>;

/** Parses the stage settings. Throws BenchError `invalid-options` naming each bad variable. */
export function loadStageEnv(env: Readonly<Record<string, string | undefined>>): StageEnv {
  const parsed = StageEnv.safeParse(env);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message.toLowerCase()}`).join('; ');
  throw new BenchError('invalid-options', `invalid stage settings: ${detail}`);
}

/**
 * The line a stage process prints once it serves its queue; the harness waits for it. A process that listens
 * (a whole-pipeline worker) adds its `port`, which the harness reads back.
 */
export function readyLine(system: string, stage: string, port?: number): string {
  return `READY ${system} ${stage} pid=${process.pid}${port === undefined ? '' : ` port=${port}`}\n`;
}
