import type { AgentPresence, QueueSpec } from '@swarm/contracts';
import type { z } from 'zod';
import type { AgentView } from './api-schemas.js';

/** A queue consumer's state as `SwarmClient.queueState` reports it. */
export interface QueueState {
  readonly pending: number;
  readonly ackPending: number;
  readonly redelivered: number;
  readonly waiting: number;
}

/**
 * Tasks completed per queue: the `queue` of each `task.completed` event body, counted. Bodies without a queue
 * are left out. Pure.
 */
export function completionsByQueue(bodies: readonly unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const body of bodies) {
    const queue = (body as { queue?: unknown } | null)?.queue;
    if (typeof queue === 'string') counts.set(queue, (counts.get(queue) ?? 0) + 1);
  }
  return counts;
}

/**
 * One row per queue: its live replicas (the presence records of the queue's agent kind), the
 * consumer's counts (zero when it could not be read) and the tasks completed in the last minute (null when the
 * events could not be read). Pure.
 */
export function agentRows(
  queues: readonly QueueSpec[],
  states: ReadonlyMap<string, QueueState>,
  presence: readonly AgentPresence[],
  completed: ReadonlyMap<string, number> | undefined,
): z.infer<typeof AgentView>[] {
  return queues.map((queue) => {
    const state = states.get(queue.name);
    const instances = presence
      .filter((record) => record.kind === queue.agent)
      .map((record) => record.instance)
      .sort();
    return {
      kind: queue.agent,
      queue: queue.name,
      replicas: instances.length,
      instances,
      pending: state?.pending ?? 0,
      ackPending: state?.ackPending ?? 0,
      redelivered: state?.redelivered ?? 0,
      waitingPullers: state?.waiting ?? 0,
      completedLastMinute: completed ? (completed.get(queue.name) ?? 0) : null,
    };
  });
}
