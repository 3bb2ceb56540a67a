import type { BudgetRecord } from '@swarm/contracts';
import type { BusConnection } from '../bus/bus-connection.js';
import { publishGoalEvent } from '../bus/publisher.js';
import { budgetExhaustedEvent, type ExhaustingTask } from '../context/budget-events.js';
import type { ExhaustionAnnouncer } from '../context/goal-budget-ledger.js';
import type { BusTopology } from '../topology.js';
import type { TraceCarrier } from './queue-binding.js';

/**
 * The announcer a task's budget ledger tells when its write marked the goal's record exhausted (once per
 * exhaustion): it logs and publishes `budget.exhausted`. A failed publish is logged; the mark stands either way.
 */
export function exhaustionAnnouncer(
  deps: {
    readonly bus: BusConnection;
    readonly topology: BusTopology;
    readonly logger: { warn(message: string): void; error(message: string): void };
  },
  task: ExhaustingTask,
  incoming: TraceCarrier,
): ExhaustionAnnouncer {
  return async (record: BudgetRecord) => {
    const event = budgetExhaustedEvent(task, record, new Date());
    deps.logger.warn(
      `goal ${task.goalId} ran out of budget (${event.shortfall}, policy ${event.policy}): ${event.reason}`,
    );
    await publishGoalEvent(deps.bus, deps.topology, event, incoming).catch((error: unknown) => {
      deps.logger.error(
        `budget.exhausted of goal ${task.goalId} could not be published: ${(error as Error).message}`,
      );
    });
  };
}
