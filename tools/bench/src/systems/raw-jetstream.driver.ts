import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { AckPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { connect, nanos } from '@nats-io/transport-node';
import { jetstreamNames } from '../pipeline/jetstream-names.js';
import { buildStageMessage } from '../pipeline/stage-message.js';
import { STAGES } from '../pipeline/stages.js';
import type { BenchInfra, PipelineDriver, StageSettings } from './pipeline-driver.js';

const DUPLICATE_WINDOW_MS = 10 * 60_000; // the swarm's default, so both keep the same de-duplication state
const ACK_WAIT_MS = 30_000;
const MAX_ACK_PENDING = 1_000;

/** How the raw stages pull and settle (see `agents/raw-stage.ts`); `consume` is system (a). */
export type RawProtocol = 'consume' | 'next' | 'swarm-like';

/**
 * (a) raw `@nats-io/jetstream`: four work-queue streams with durable pull consumers, events in a stream, and a KV
 * bucket for the scrape joins of the fan-out runs (reads go to the stream leader, as the swarm's goals bucket).
 */
export class RawJetStreamDriver implements PipelineDriver {
  readonly id = 'raw' as const;
  readonly entry = 'raw-stage.js';
  readonly broker = 'nats-server' as const;
  readonly roles = STAGES;
  readonly scaleOut = 'stage' as const;
  readonly canFanOut = true;
  private nc: NatsConnection | undefined;
  private js: JetStreamClient | undefined;
  private jsm: JetStreamManager | undefined;
  private prefix = '';

  constructor(
    private readonly infra: BenchInfra,
    private readonly protocol: RawProtocol = 'consume',
  ) {}

  stageEnv(_stage: string, _replica: string, settings: StageSettings): Record<string, string> {
    return {
      NATS_URL: this.infra.natsUrl,
      BENCH_CONCURRENCY: String(settings.concurrency),
      BENCH_RAW_PROTOCOL: this.protocol,
    };
  }

  async open(prefix: string, onCompleted: (goalId: string) => void): Promise<void> {
    this.prefix = prefix;
    this.nc = await connect({ servers: this.infra.natsUrl, name: 'bench-harness-raw' });
    this.js = jetstream(this.nc);
    this.jsm = await jetstreamManager(this.nc);
    await this.jsm.streams.add({
      name: jetstreamNames.eventsStream(prefix),
      subjects: [jetstreamNames.eventsSubjects(prefix)],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
    for (const stage of STAGES) {
      const stream = jetstreamNames.stream(prefix, stage);
      await this.jsm.streams.add({
        name: stream,
        subjects: [jetstreamNames.subject(prefix, stage)],
        retention: RetentionPolicy.Workqueue,
        storage: StorageType.File,
        duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      });
      await this.jsm.consumers.add(stream, {
        durable_name: jetstreamNames.durable(stage),
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(ACK_WAIT_MS),
        max_ack_pending: MAX_ACK_PENDING,
        filter_subject: jetstreamNames.subject(prefix, stage),
      });
    }
    await new Kvm(this.nc).create(jetstreamNames.joinBucket(prefix), { allow_direct: false, history: 1 });
    completionsOf(this.nc, prefix, onCompleted);
  }

  async publishGoal(goalId: string): Promise<void> {
    const message = buildStageMessage({
      goalId,
      stage: 'search',
      causationId: null,
      timestamp: new Date().toISOString(),
    });
    await this.js!.publish(jetstreamNames.subject(this.prefix, 'search'), JSON.stringify(message), {
      msgID: message.messageId,
    });
  }

  async close(): Promise<void> {
    if (this.jsm) {
      const streams = [
        jetstreamNames.eventsStream(this.prefix),
        ...STAGES.map((stage) => jetstreamNames.stream(this.prefix, stage)),
        `KV_${jetstreamNames.joinBucket(this.prefix)}`,
      ];
      for (const stream of streams) await this.jsm.streams.delete(stream).catch(() => false);
    }
    await this.nc?.drain();
  }
}

/** Calls `onCompleted(goalId)` for each goal completion event of the run (a core subscription). */
export function completionsOf(
  nc: NatsConnection,
  prefix: string,
  onCompleted: (goalId: string) => void,
): void {
  nc.subscribe(jetstreamNames.completedSubject(prefix, '*'), {
    callback: (error, msg) => {
      if (error) return;
      const goalId = jetstreamNames.goalOfCompletion(msg.subject);
      if (goalId) onCompleted(goalId);
    },
  });
}
