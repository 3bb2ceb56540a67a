import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { StageMessage } from '../pipeline/stage-message.js';
import { buildStageMessage } from '../pipeline/stage-message.js';
import { STAGES } from '../pipeline/stages.js';
import { bullmqNames } from '../pipeline/system-names.js';
import type { BenchInfra, PipelineDriver, StageSettings } from './pipeline-driver.js';

/** (c) BullMQ over Redis: a chain of four queues, completions announced on a pub/sub channel. */
export class BullmqDriver implements PipelineDriver {
  readonly id = 'bullmq' as const;
  readonly entry = 'bullmq-stage.js';
  readonly broker = 'redis-server' as const;
  readonly roles = STAGES;
  readonly scaleOut = 'stage' as const;
  readonly canFanOut = true;
  private connection: Redis | undefined;
  private subscriber: Redis | undefined;
  private firstQueue: Queue | undefined;
  private prefix = '';

  constructor(private readonly infra: BenchInfra) {}

  stageEnv(_stage: string, _replica: string, settings: StageSettings): Record<string, string> {
    return { REDIS_URL: this.infra.redisUrl, BENCH_CONCURRENCY: String(settings.concurrency) };
  }

  async open(prefix: string, onCompleted: (goalId: string) => void): Promise<void> {
    this.prefix = prefix;
    this.connection = new Redis(this.infra.redisUrl, { maxRetriesPerRequest: null });
    this.subscriber = new Redis(this.infra.redisUrl);
    const channel = bullmqNames.completedChannel(prefix);
    this.subscriber.on('message', (from: string, text: string) => {
      if (from !== channel) return;
      onCompleted((JSON.parse(text) as StageMessage).goalId);
    });
    await this.subscriber.subscribe(channel);
    this.firstQueue = new Queue(bullmqNames.queue(prefix, 'search'), { connection: this.connection });
    await this.firstQueue.waitUntilReady();
  }

  async publishGoal(goalId: string): Promise<void> {
    const message = buildStageMessage({
      goalId,
      stage: 'search',
      causationId: null,
      timestamp: new Date().toISOString(),
    });
    await this.firstQueue!.add('search', message, {
      jobId: bullmqNames.jobId(message.messageId),
      removeOnComplete: true,
      removeOnFail: 1_000,
    });
  }

  async close(): Promise<void> {
    if (this.connection) {
      for (const stage of STAGES) {
        const queue = new Queue(bullmqNames.queue(this.prefix, stage), { connection: this.connection });
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
    }
    await this.firstQueue?.close();
    this.subscriber?.disconnect();
    this.connection?.disconnect();
  }
}
