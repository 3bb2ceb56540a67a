import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, JsMsg } from '@nats-io/jetstream';
import type { BusConnection } from '../bus/bus-connection.js';
import { ATTR } from '../observability/attributes.js';
import { observeConsumerPending, observeInFlight } from '../observability/transport-metrics.js';
import type { TransportSettings } from '../settings.js';
import type { QueueBinding } from './queue-binding.js';
import type { RunningTask, TaskRunner, TransportLogger } from './task-runner.js';

/**
 * Competing consumer of one queue. It runs `inFlight` slots; each slot pulls one task only when it is free, so an
 * idle replica claims the next task and a busy one never hoards. `stop()` stops pulling, lets running tasks
 * finish until the drain deadline, waits for its outstanding pull requests to end, and only then hands back
 * (naks) what is left: tasks still running at the deadline and tasks that arrived on a pull during shutdown.
 * Handing back last keeps a nak from landing on this replica's own outstanding pulls and burning deliveries.
 */
export class QueueWorker {
  private stopping = false;
  private readonly running = new Set<RunningTask>();
  private slots: Promise<void>[] = [];
  private consumer: Consumer | undefined;
  private readonly handBack: JsMsg[] = [];
  private releaseSlots: () => void = () => undefined;
  private readonly slotsReleased = new Promise<void>((resolve) => {
    this.releaseSlots = resolve;
  });

  constructor(
    private readonly bus: BusConnection,
    private readonly binding: QueueBinding,
    private readonly runner: TaskRunner,
    private readonly settings: TransportSettings,
    private readonly logger: TransportLogger,
  ) {}

  /** True once the consumer is bound (for readiness). */
  get bound(): boolean {
    return this.consumer !== undefined && !this.stopping;
  }

  /** The queue this worker serves. */
  get queueName(): string {
    return this.binding.queue.name;
  }

  /** Tasks running right now. */
  get inFlight(): number {
    return this.running.size;
  }

  async start(): Promise<void> {
    const { stream, durable, name } = this.binding.queue;
    this.consumer = await this.bus.js.consumers.get(stream, durable);
    observeConsumerPending(
      { [ATTR.queue]: name, [ATTR.consumerGroup]: durable, [ATTR.stream]: stream },
      async () => {
        if (this.stopping || this.bus.nc.isClosed()) return undefined;
        return (await this.bus.jsm.consumers.info(stream, durable).catch(() => undefined))?.num_pending;
      },
    );
    observeInFlight(this.runner.metricAttributes, () => this.running.size);
    this.slots = Array.from({ length: this.settings.inFlight }, () => this.slot());
  }

  private async slot(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return;
    while (!this.stopping) {
      let msg;
      try {
        msg = await consumer.next({ expires: this.settings.pullExpiresMs });
      } catch (error) {
        if (this.stopping || this.bus.nc.isClosed()) return;
        this.logger.warn(
          `pull from ${this.binding.queue.stream}/${this.binding.queue.durable} failed: ${(error as Error).message}`,
        );
        await sleep(1_000);
        continue;
      }
      if (!msg) continue;
      if (this.stopping) {
        this.handBack.push(msg); // arrived on a pull made before shutdown: handed back once all pulls are over
        return;
      }
      const task = this.runner.start(msg);
      this.running.add(task);
      await Promise.race([task.done, this.slotsReleased]);
      this.running.delete(task);
    }
  }

  /** Stops pulling and waits up to `drainTimeoutMs` for running tasks; hands back the rest. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const finished = Promise.all([...this.running].map((task) => task.done));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), this.settings.drainTimeoutMs);
    });
    const outcome = await Promise.race([finished.then(() => 'finished' as const), deadline]);
    clearTimeout(timer);
    if (outcome === 'deadline') {
      this.logger.warn(`drain deadline passed with ${this.running.size} task(s) running; handing them back`);
      for (const task of this.running) {
        const msg = task.abandon();
        if (msg) this.handBack.push(msg);
      }
    }
    this.releaseSlots();
    await Promise.all(this.slots); // outstanding pulls end within pullExpiresMs
    for (const msg of this.handBack.splice(0)) msg.nak();
  }
}
