import type { QueueSpec } from '@swarm/contracts';
import { QUEUES } from '@swarm/contracts';

/** An agent kind and the work queue it serves, as the contracts name them. */
export interface AgentQueue {
  /** The agent kind: the Deployment, compose service, NATS user and `services/<agent>` directory name. */
  readonly agent: string;
  readonly queue: QueueSpec;
}

/** Every agent with its queue, straight from `@swarm/contracts` QUEUES (the names deploy files must use). */
export const AGENT_QUEUES: readonly AgentQueue[] = Object.values(QUEUES).map((queue) => ({
  agent: queue.agent,
  queue,
}));

/** The agent kinds, in QUEUES order. */
export const AGENTS: readonly string[] = AGENT_QUEUES.map(({ agent }) => agent);

/**
 * The gateway: deployed like an agent (image SERVICE, compose service, Deployment, NATS user and client
 * certificate all named `gateway`), but it serves HTTP on 8080 instead of a queue.
 */
export const GATEWAY = 'gateway';

/** Every service the image runs as `node services/<name>/dist/main.js`: the agents, then the gateway. */
export const SERVICES: readonly string[] = [...AGENTS, GATEWAY];
