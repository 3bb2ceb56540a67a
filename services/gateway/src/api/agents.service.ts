import { Inject, Injectable } from '@nestjs/common';
import type { AgentPresence } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import type { z } from 'zod';
import type { GatewayConfig } from '../config.js';
import type { QueueState } from './agent-rows.js';
import { agentRows, completionsByQueue } from './agent-rows.js';
import type { AgentView } from './api-schemas.js';
import { GATEWAY_CONFIG, SWARM_CLIENT } from './tokens.js';

/** The span `completedLastMinute` counts over. */
const MINUTE_MS = 60_000;

/**
 * The agents and their queues. `replicas` counts the presence records of each kind (`SwarmClient.livePresence`:
 * every replica refreshes its record while it runs, the bucket's max age drops a dead one); `completedLastMinute`
 * counts the `task.completed` events stored in the last minute, by queue (stateless: every gateway replica gives
 * the same answer).
 */
@Injectable()
export class AgentsService {
  constructor(
    @Inject(SWARM_CLIENT) private readonly client: SwarmClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** One row per queue of the topology (search, scrape, rank, report). */
  async list(now: () => number = Date.now): Promise<z.infer<typeof AgentView>[]> {
    const queues = Object.values(this.client.topology.queues);
    const [states, presence, completed] = await Promise.all([
      this.states(queues),
      this.client.livePresence().catch((): AgentPresence[] => []),
      this.completedSince(new Date(now() - MINUTE_MS)),
    ]);
    return agentRows(queues, states, presence, completed);
  }

  private async states(
    queues: readonly { readonly name: string; readonly stream: string; readonly durable: string }[],
  ): Promise<Map<string, QueueState>> {
    const states = new Map<string, QueueState>();
    await Promise.all(
      queues.map(async (queue) => {
        const state = await this.client.queueState(queue.stream, queue.durable).catch(() => undefined);
        if (state) states.set(queue.name, state);
      }),
    );
    return states;
  }

  /** `task.completed` events stored since `since`, by queue (at most GATEWAY_AGENTS_EVENTS_MAX read). */
  private async completedSince(since: Date): Promise<Map<string, number> | undefined> {
    const topology = this.client.topology;
    try {
      const subject = topology.eventSubject('*', 'task.completed');
      const events = await this.client.readStream(topology.eventsStream, subject, {
        since,
        limit: this.config.agentsEventsMax,
      });
      return completionsByQueue(events.map((event) => event.body));
    } catch {
      return undefined;
    }
  }
}
