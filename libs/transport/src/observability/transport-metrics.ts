import type { Attributes, Counter, Histogram } from '@opentelemetry/api';
import { metrics } from '@opentelemetry/api';

/** The transport's instruments (no-ops until the service starts a meter provider). */
export interface TransportMetrics {
  readonly processed: Counter<Attributes>;
  readonly failed: Counter<Attributes>;
  readonly retried: Counter<Attributes>;
  readonly deadLettered: Counter<Attributes>;
  readonly duration: Histogram<Attributes>;
  readonly handoffLatency: Histogram<Attributes>;
}

let instruments: TransportMetrics | undefined;

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** The instruments, created on first use against the global meter provider. */
export function transportMetrics(): TransportMetrics {
  if (instruments) return instruments;
  const meter = metrics.getMeter('@swarm/transport', '0.1.0');
  const histogram = (name: string, description: string) =>
    meter.createHistogram(name, {
      description,
      unit: 's',
      advice: { explicitBucketBoundaries: SECONDS_BUCKETS },
    });
  instruments = {
    processed: meter.createCounter('swarm.tasks.processed', { description: 'Tasks completed successfully' }),
    failed: meter.createCounter('swarm.tasks.failed', {
      description: 'Task attempts that failed (retried or dead-lettered)',
    }),
    retried: meter.createCounter('swarm.tasks.retried', {
      description: 'Failed attempts handed back for a retry with backoff',
    }),
    deadLettered: meter.createCounter('swarm.tasks.dead_lettered', {
      description: 'Tasks moved to the dead-letter stream',
    }),
    duration: histogram('swarm.task.duration', 'From claim to settlement of one delivery'),
    handoffLatency: histogram('swarm.handoff.latency', 'From publication of a task to its claim'),
  };
  return instruments;
}

/**
 * Registers the in-flight gauge of one queue worker: its running tasks, counted when metrics are scraped (an
 * up-down counter moved twice per task cost two attribute hashes per task for the same figure).
 */
export function observeInFlight(attributes: Attributes, read: () => number): void {
  metrics
    .getMeter('@swarm/transport', '0.1.0')
    .createObservableUpDownCounter('swarm.tasks.in_flight', { description: 'Tasks being worked on now' })
    .addCallback((result) => result.observe(read(), attributes));
}

/** Registers the consumer-lag gauge of one queue: the consumer's pending count, read when metrics are scraped. */
export function observeConsumerPending(
  attributes: Attributes,
  read: () => Promise<number | undefined>,
): void {
  const gauge = metrics
    .getMeter('@swarm/transport', '0.1.0')
    .createObservableGauge('swarm.consumer.pending', {
      description: 'Tasks waiting in the queue (consumer num_pending)',
    });
  gauge.addCallback(async (result) => {
    const pending = await read();
    if (pending !== undefined) result.observe(pending, attributes);
  });
}
