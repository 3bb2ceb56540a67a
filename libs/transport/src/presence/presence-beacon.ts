import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';
import type { AgentPresence } from '@swarm/contracts';
import { presenceKeyOf } from '@swarm/contracts';
import type { BusConnection } from '../bus/bus-connection.js';
import { encodeJson } from '../bus/codec.js';
import type { TransportLogger } from '../queue/task-runner.js';

/** The shortest refresh interval, whatever max age the bucket has. */
const MIN_REFRESH_MS = 1_000;

/**
 * How often a replica refreshes its presence record: a third of the bucket's max age, so a live replica's record
 * never expires even when one refresh is late or lost. Pure.
 */
export function presenceRefreshMs(bucketMaxAgeMs: number): number {
  return Math.max(MIN_REFRESH_MS, Math.floor(bucketMaxAgeMs / 3));
}

/**
 * One replica's presence record in the presence bucket: put at start, refreshed at a third of the bucket's max
 * age (read from the bucket, so every replica follows the bucket's setting), deleted at stop. A refresh that
 * fails is logged and retried at the next tick; it never stops the agent.
 */
export class PresenceBeacon {
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly kv: KV,
    private readonly key: string,
    private readonly record: Omit<AgentPresence, 'seenAt'>,
    private readonly logger: TransportLogger,
  ) {}

  /**
   * Opens the bucket, puts the record and starts refreshing it. Needs publish rights on
   * `$KV.<bucket>.<kind>.>`; throws what the server answers to the first put otherwise.
   */
  static async start(
    bus: BusConnection,
    bucket: string,
    identity: { readonly kind: string; readonly instance: string; readonly queues: readonly string[] },
    logger: TransportLogger,
  ): Promise<PresenceBeacon> {
    const kv = await new Kvm(bus.nc).open(bucket);
    const record = {
      kind: identity.kind,
      instance: identity.instance,
      queues: [...identity.queues],
      startedAt: new Date().toISOString(),
    };
    const beacon = new PresenceBeacon(kv, presenceKeyOf(identity.kind, identity.instance), record, logger);
    await beacon.put();
    const maxAgeMs = (await kv.status()).ttl;
    // A bucket without a max age keeps records forever: refresh anyway (readers then see stopped ones too).
    beacon.timer = setInterval(() => void beacon.refresh(), presenceRefreshMs(maxAgeMs || 30_000));
    beacon.timer.unref();
    return beacon;
  }

  private async put(): Promise<void> {
    const value: AgentPresence = { ...this.record, seenAt: new Date().toISOString() };
    await this.kv.put(this.key, encodeJson(value));
  }

  private async refresh(): Promise<void> {
    try {
      await this.put();
    } catch (error) {
      this.logger.warn(`presence record ${this.key} not refreshed: ${(error as Error).message}`);
    }
  }

  /** Stops refreshing and deletes the record (best effort: if that fails, the bucket's max age drops it). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.kv.delete(this.key).catch(() => undefined);
  }
}
