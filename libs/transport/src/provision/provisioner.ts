import type { StreamConfig } from '@nats-io/jetstream';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { Objm } from '@nats-io/obj';
import type { QueueSpec } from '@swarm/contracts';
import { SUBJECTS } from '@swarm/contracts';
import type { BusConnection } from '../bus/bus-connection.js';
import { TopologyConflictError } from '../errors.js';
import type { TransportSettings } from '../settings.js';
import type { BusTopology } from '../topology.js';
import type { DesiredStream } from './desired-config.js';
import { configDifferences, desiredConsumer, desiredStream, streamDifferences } from './desired-config.js';

function isNotFound(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamNotFound || error.code === JetStreamApiCodes.ConsumerNotFound)
  );
}

/**
 * Creates what is missing and verifies what exists. Idempotent: replicas may run it at once. An existing
 * resource whose owned fields differ is reported with TopologyConflictError and never changed. An existing
 * stream whose limits differ (max bytes, max messages, max message size, discard) is left as it is and reported
 * through `warn`: start-up goes on.
 */
export class Provisioner {
  constructor(
    private readonly bus: BusConnection,
    private readonly settings: TransportSettings,
    private readonly warn: (message: string) => void = (message) => console.warn(message),
  ) {}

  /** Ensures every stream of the topology, the goal-context, presence and rate-limits KV buckets and every artifact bucket exist. */
  async ensureTopology(topology: BusTopology): Promise<void> {
    for (const spec of topology.streams) await this.ensureStream(desiredStream(spec, this.settings));
    await this.ensureBuckets(topology);
  }

  /** Ensures a queue's durable pull consumer and its max-deliveries advisory consumer. */
  async ensureQueue(queue: QueueSpec, topology: BusTopology): Promise<void> {
    await this.ensureConsumer(queue.stream, { ...desiredConsumer(queue, this.settings) });
    await this.ensureConsumer(topology.advisoriesStream, {
      durable_name: advisoryDurable(queue),
      filter_subject: SUBJECTS.maxDeliveriesAdvisory(queue.stream, queue.durable),
      ack_policy: 'explicit',
      deliver_policy: 'all',
      ack_wait: this.settings.ackWaitMs * 1_000_000,
      max_deliver: -1,
      max_ack_pending: 100,
      description: `sweeps max-deliveries advisories of ${queue.stream}/${queue.durable} into the dead-letter stream`,
    });
  }

  private async ensureStream(desired: DesiredStream): Promise<void> {
    const existing = await this.bus.jsm.streams.info(desired.name).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    });
    if (existing) return this.verifyStream(existing.config, desired);
    try {
      await this.bus.jsm.streams.add(desired as unknown as Partial<StreamConfig> & { name: string });
    } catch (error) {
      const raced = await this.bus.jsm.streams.info(desired.name).catch(() => null);
      if (!raced)
        throw new Error(`cannot create stream ${desired.name}: ${(error as Error).message}`, {
          cause: error,
        });
      this.verifyStream(raced.config, desired);
    }
  }

  private verifyStream(existing: object, desired: DesiredStream): void {
    const { conflicts, drift } = streamDifferences(existing as Record<string, unknown>, desired);
    if (conflicts.length > 0) throw new TopologyConflictError(`stream ${desired.name}`, conflicts);
    if (drift.length > 0) {
      this.warn(
        `stream ${desired.name} has other limits than the settings ask for (${drift.join('; ')}); ` +
          'it was not changed and works as it is: apply the settings with nats stream edit, or set them to match',
      );
    }
  }

  private async ensureConsumer(
    stream: string,
    desired: Readonly<Record<string, unknown>> & { readonly durable_name: string },
  ): Promise<void> {
    const name = `consumer ${stream}/${desired.durable_name}`;
    const existing = await this.bus.jsm.consumers
      .info(stream, desired.durable_name)
      .catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw error;
      });
    if (existing) return this.verify(name, existing.config, desired);
    try {
      await this.bus.jsm.consumers.add(stream, desired);
    } catch (error) {
      const raced = await this.bus.jsm.consumers.info(stream, desired.durable_name).catch(() => null);
      if (!raced) throw new Error(`cannot create ${name}: ${(error as Error).message}`, { cause: error });
      this.verify(name, raced.config, desired);
    }
  }

  private verify(resource: string, existing: object, desired: object): void {
    const differences = configDifferences(existing as Record<string, unknown>, desired);
    if (differences.length > 0) throw new TopologyConflictError(resource, differences);
  }

  private async ensureBuckets(topology: BusTopology): Promise<void> {
    // allow_direct off: every read goes to the stream leader, so it sees every acknowledged write. The scrape
    // join relies on that, and a compare-and-set loop never starts from a stale value.
    await new Kvm(this.bus.nc).create(topology.goalsBucket, {
      allow_direct: false,
      history: 1,
      ttl: this.settings.goalContextTtlMs,
      replicas: this.settings.replicas,
    });
    // Live replicas: a bucket-level max age (per-key TTLs need nats-server 2.11) drops a replica that stopped
    // refreshing its record; every stored record is that replica's latest.
    await new Kvm(this.bus.nc).create(topology.presenceBucket, {
      history: 1,
      ttl: this.settings.presenceTtlMs,
      replicas: this.settings.replicas,
    });
    // Model rate limiters: one small state per limiter key, changed by compare-and-set (leader reads, like the
    // goals bucket); the bucket's max age drops the state of a key nobody used for that long.
    await new Kvm(this.bus.nc).create(topology.rateLimitsBucket, {
      allow_direct: false,
      history: 1,
      ttl: this.settings.rateLimitStateTtlMs,
      replicas: this.settings.replicas,
    });
    // One object store per writing agent (ranker, communications): see ARTIFACT_BUCKETS in the contracts.
    for (const bucket of Object.values(topology.artifactBuckets)) {
      await new Objm(this.bus.nc).create(bucket, {
        ttl: this.settings.goalContextTtlMs * 1_000_000,
        replicas: this.settings.replicas,
      });
    }
  }
}

/** The durable name of a queue's max-deliveries advisory consumer. */
export function advisoryDurable(queue: QueueSpec): string {
  return `${queue.durable}-max-deliveries`;
}
