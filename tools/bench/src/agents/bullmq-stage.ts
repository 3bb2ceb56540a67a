/**
 * A stage of the BullMQ pipeline as its own process: a `Worker` on the stage's queue that adds the next stage's
 * job (with a deterministic job id) before its own job completes; the last stage announces the completion on a
 * Redis pub/sub channel. Jobs are removed on completion, as production setups do.
 *
 * `BENCH_FANOUT` > 0: the search stage adds that many scrape jobs at once (`addBulk`), and each scrape lands in its
 * goal's join, a Redis set of landed slots (`SADD` then `SCARD` in one `MULTI`, so a retried job counts once); the
 * scrape whose landing fills the set adds the rank job (a retried one adds it again: the job id keeps one).
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { StageMessage } from '../pipeline/stage-message.js';
import { nextStage } from '../pipeline/stages.js';
import { bullmqNames } from '../pipeline/system-names.js';
import { loadStageEnv, readyLine } from './stage-env.js';
import { fanOutScrapes } from './fan-out-join.js';
import { handOff, simulateWork } from './stage-work.js';

/** A goal's join set lives this long after its last landing (a goal finishes in well under that). */
const JOIN_TTL_S = 600;

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
      const jobOf = (out: StageMessage) => ({
        name: next!,
        data: out,
        opts: { jobId: bullmqNames.jobId(out.messageId), removeOnComplete: true, removeOnFail: 1_000 },
      });
      if (env.BENCH_FANOUT > 0 && stage === 'search') {
        await nextQueue!.addBulk(fanOutScrapes(job.data, env.BENCH_FANOUT).map(jobOf));
      } else if (env.BENCH_FANOUT > 0 && job.data.slot) {
        const { goalId, slot } = job.data;
        const key = bullmqNames.joinSet(env.BENCH_PREFIX, goalId);
        const replies = await connection
          .multi()
          .sadd(key, String(slot.index))
          .scard(key)
          .expire(key, JOIN_TTL_S)
          .exec();
        const added = Number(replies?.[0]?.[1] ?? 0);
        const landed = Number(replies?.[1]?.[1] ?? 0);
        if (landed === slot.count && (added === 1 || job.attemptsMade > 0)) {
          const { name, data, opts } = jobOf(handOff(stage, job.data));
          await nextQueue!.add(name, data, opts);
        }
      } else if (nextQueue && next) {
        const { name, data, opts } = jobOf(handOff(stage, job.data));
        await nextQueue.add(name, data, opts);
      } else {
        await connection.publish(channel, JSON.stringify(handOff(stage, job.data)));
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
