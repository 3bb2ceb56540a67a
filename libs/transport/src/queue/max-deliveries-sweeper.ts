import type { Consumer, JsMsg } from '@nats-io/jetstream';
import { TRANSPORT_ERROR_CODES } from '../errors.js';
import type { BusConnection } from '../bus/bus-connection.js';
import { fromMsgHdrs } from '../bus/bus-connection.js';
import type { BusTopology } from '../topology.js';
import { advisoryDurable } from '../provision/provisioner.js';
import type { DeadLetterer } from './dead-letterer.js';
import { checkIntake } from './intake.js';
import type { QueueBinding } from './queue-binding.js';
import type { TransportLogger } from './task-runner.js';
import { HEADERS } from '@swarm/contracts';
import { trace } from '@opentelemetry/api';
import { inSpan } from '../observability/tracing.js';

interface MaxDeliveriesAdvisory {
  readonly stream: string;
  readonly consumer: string;
  readonly stream_seq: number;
  readonly deliveries: number;
}

function parseAdvisory(msg: JsMsg): MaxDeliveriesAdvisory | undefined {
  try {
    const value = msg.json<Partial<MaxDeliveriesAdvisory>>();
    if (
      typeof value.stream === 'string' &&
      typeof value.consumer === 'string' &&
      typeof value.stream_seq === 'number'
    ) {
      return {
        stream: value.stream,
        consumer: value.consumer,
        stream_seq: value.stream_seq,
        deliveries: value.deliveries ?? 0,
      };
    }
  } catch {
    // not an advisory we understand
  }
  return undefined;
}

/**
 * Catches what slipped past the handlers: a task whose replica died on its last allowed delivery. The server
 * then stops redelivering and publishes a MAX_DELIVERIES advisory, which a stream keeps until one replica of the
 * queue's kind sweeps it: the task is dead-lettered with its payload and removed from its work queue.
 */
export class MaxDeliveriesSweeper {
  private stopping = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly bus: BusConnection,
    private readonly topology: BusTopology,
    private readonly binding: QueueBinding,
    private readonly deadLetterer: DeadLetterer,
    private readonly pullExpiresMs: number,
    private readonly logger: TransportLogger,
  ) {}

  async start(): Promise<void> {
    const consumer = await this.bus.js.consumers.get(
      this.topology.advisoriesStream,
      advisoryDurable(this.binding.queue),
    );
    this.loop = this.run(consumer);
  }

  private async run(consumer: Consumer): Promise<void> {
    while (!this.stopping) {
      let msg: JsMsg | null;
      try {
        msg = await consumer.next({ expires: this.pullExpiresMs });
      } catch (error) {
        if (this.stopping || this.bus.nc.isClosed()) return;
        this.logger.warn(`advisory pull failed: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        continue;
      }
      if (!msg) continue;
      if (this.stopping) {
        msg.nak();
        return;
      }
      try {
        const advisory = msg;
        await inSpan('sweep max-deliveries advisory', { 'swarm.queue': this.binding.queue.name }, () =>
          this.sweep(advisory),
        );
        msg.ack();
      } catch (error) {
        this.logger.error(`could not sweep max-deliveries advisory: ${(error as Error).message}`);
        msg.nak(1_000);
      }
    }
  }

  private async sweep(msg: JsMsg): Promise<void> {
    const advisory = parseAdvisory(msg);
    if (!advisory) return;
    const original = await this.bus.jsm.streams
      .getMessage(advisory.stream, { seq: advisory.stream_seq })
      .catch(() => null);
    if (!original) return; // settled in the meantime: nothing was lost
    const headers = fromMsgHdrs(original.header);
    // Only a task that passes the door check may fail its goal: ids sniffed from anything else are forgeable.
    const intake = checkIntake(
      this.binding.schema,
      this.binding.queue.filterSubject,
      original.subject,
      original.data,
    );
    const { goalId, taskId, messageId } = intake.ok ? intake.payload : { ...intake.known };
    await this.deadLetterer.deadLetter({
      data: original.data,
      headers,
      ...(goalId === undefined ? {} : { known: { goalId, taskId, messageId } }),
      mayFailGoal: intake.ok,
      source: {
        stream: advisory.stream,
        subject: original.subject,
        streamSequence: advisory.stream_seq,
        consumer: advisory.consumer,
      },
      deliveryCount: advisory.deliveries,
      reason: {
        code: TRANSPORT_ERROR_CODES.maxDeliveriesExceeded,
        message: `delivered ${advisory.deliveries} times without being settled (a replica likely died while working on it)`,
        retryable: false,
      },
      trace: { traceparent: headers[HEADERS.traceparent]?.[0], tracestate: headers[HEADERS.tracestate]?.[0] },
    });
    const spec = this.topology.streams.find((stream) => stream.name === advisory.stream);
    if (spec?.retention === 'workqueue') {
      await this.bus.jsm.streams
        .deleteMessage(advisory.stream, advisory.stream_seq, false)
        .catch(() => false);
    }
    trace.getActiveSpan()?.addEvent('dead-lettered', {
      'swarm.dead_letter.reason': TRANSPORT_ERROR_CODES.maxDeliveriesExceeded,
      'messaging.nats.stream_sequence': advisory.stream_seq,
    });
    this.logger.warn(
      `swept task ${advisory.stream}#${advisory.stream_seq} into the dead-letter stream after ${advisory.deliveries} deliveries`,
    );
  }

  stop(): void {
    this.stopping = true;
  }

  /** Resolves when the sweep loop has ended (after stop). */
  get finished(): Promise<void> {
    return this.loop ?? Promise.resolve();
  }
}
