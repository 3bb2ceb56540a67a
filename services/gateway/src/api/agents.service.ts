import { Inject, Injectable } from '@nestjs/common';
import type { SwarmClient } from '@swarm/transport';
import type { z } from 'zod';
import type { AgentView } from './api-schemas.js';
import { SWARM_CLIENT } from './tokens.js';

/** A queue's acknowledged count at one moment, for throughput. */
interface AckSample {
  readonly at: number;
  readonly acknowledged: number;
}

/** Shortest span between two samples that gives a throughput (shorter spans keep the older sample). */
const MIN_SAMPLE_SPAN_MS = 5_000;

/**
 * Tasks acknowledged per minute between two samples of a queue's ack floor; null without an older sample (or
 * when the consumer was recreated and its count went back). Pure.
 */
export function throughputPerMinute(older: AckSample | undefined, newer: AckSample): number | null {
  if (!older || newer.at - older.at < MIN_SAMPLE_SPAN_MS || newer.acknowledged < older.acknowledged)
    return null;
  return Math.round(((newer.acknowledged - older.acknowledged) * 60_000 * 10) / (newer.at - older.at)) / 10;
}

/**
 * The agents and their queues. A replica keeps a pull request waiting on its queue's consumer while it runs
 * (nats.js `consume`), so `replicas` is the number of waiting pull requests: live pullers, idle or busy. The
 * throughput compares the consumer's acknowledged count with the sample an earlier call took (the first call
 * has none: null).
 */
@Injectable()
export class AgentsService {
  private readonly samples = new Map<string, AckSample>();

  constructor(@Inject(SWARM_CLIENT) private readonly client: SwarmClient) {}

  /** One row per queue of the topology (search, scrape, rank, report). */
  async list(now: () => number = Date.now): Promise<z.infer<typeof AgentView>[]> {
    return Promise.all(
      Object.values(this.client.topology.queues).map(async (queue) => {
        const state = await this.client.queueState(queue.stream, queue.durable).catch(() => undefined);
        const sample = { at: now(), acknowledged: state?.acknowledged ?? 0 };
        const older = this.samples.get(queue.name);
        const rate = state ? throughputPerMinute(older, sample) : null;
        if (state && (!older || sample.at - older.at >= MIN_SAMPLE_SPAN_MS))
          this.samples.set(queue.name, sample);
        return {
          kind: queue.agent,
          queue: queue.name,
          replicas: state?.waiting ?? 0,
          pending: state?.pending ?? 0,
          ackPending: state?.ackPending ?? 0,
          redelivered: state?.redelivered ?? 0,
          waitingPullers: state?.waiting ?? 0,
          throughputPerMinute: rate,
        };
      }),
    );
  }
}
