/**
 * A stage of the BullMQ pipeline as its own process: a `Worker` on the stage's queue that adds the next stage's
 * job (with a deterministic job id) before its own job completes; the last stage announces the completion on a
 * Redis pub/sub channel. Jobs are removed on completion, as production setups do.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { StageMessage } from '../pipeline/stage-message.js';
import { nextStage } from '../pipeline/stages.js';
import { bullmqNames } from '../pipeline/system-names.js';
import { loadStageEnv, readyLine } from './stage-env.js';
import { handOff, simulateWork } from './stage-work.js';

async function main(): Promise<void> {
  const env = loadStageEnv(process.env);
  const stage = env.BENCH_STAGE;
  const next = nextStage(stage);
  const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const nextQueue = next ? new Queue(bullmqNames.queue(env.BENCH_PREFIX, next), { connection }) : undefined;
  const channel = bullmqNames.completedChannel(env.BENCH_PREFIX);

  const worker = new Worker<StageMessage>(
    bullmqNames.queue(env.BENCH_PREFIX, stage),
    async (job) => {
      await simulateWork(env.BENCH_WORK_MS);
      const out = handOff(stage, job.data);
      if (nextQueue && next) {
        await nextQueue.add(next, out, {
          jobId: bullmqNames.jobId(out.messageId),
          removeOnComplete: true,
          removeOnFail: 1_000,
        });
      } else {
        await connection.publish(channel, JSON.stringify(out));
      }
    },
    { connection, concurrency: env.BENCH_CONCURRENCY },
  );
  worker.on('error', (error) => process.stderr.write(`bullmq ${stage}: ${error.message}\n`));
  await worker.waitUntilReady();

  const stop = async () => {
    await worker.close();
    await nextQueue?.close();
    connection.disconnect();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  process.stdout.write(readyLine('bullmq', stage));
}

main().catch((error: unknown) => {
  process.stderr.write(`bullmq stage failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
