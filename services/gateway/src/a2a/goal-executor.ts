import type { Message } from '@a2a-js/sdk';
import { TaskNotCancelableError } from '@a2a-js/sdk/errors';
import type { AgentExecutor, ExecutionEventBus, RequestContext } from '@a2a-js/sdk/server';
import { AgentEvent } from '@a2a-js/sdk/server';
import type { GatewayOperations } from '../api/gateway-operations.js';
import { gatewayUserOf } from './gateway-user.js';
import { goalUpdates } from './goal-updates.js';
import { idempotencyKeyOf, messageText } from './message-goal.js';
import type { SwarmTaskStore } from './swarm-task-store.js';

/**
 * Runs an A2A message as a goal: submits the message's text for the caller (whose role the request handler
 * checked), publishes the task (id = goal id), then a status update at each change of the goal and the report as
 * an artifact, until the goal ends or waits for approval (where the SDK's live queue stops; `SubscribeToTask`
 * follows on from there).
 */
export class GoalExecutor implements AgentExecutor {
  constructor(
    private readonly operations: GatewayOperations,
    private readonly store: SwarmTaskStore,
  ) {}

  async execute(request: RequestContext, bus: ExecutionEventBus): Promise<void> {
    const user = gatewayUserOf(request.context);
    const message = request.userMessage;
    const submitted = await this.operations.submitGoal(
      user.principal,
      { text: messageText(message) },
      idempotencyKeyOf(message.messageId),
    );
    const view = await this.operations.getGoal(submitted.goalId);
    const task = await this.store.taskOf(view);
    const asked: Message = { ...message, taskId: task.id, contextId: task.contextId };
    bus.publish(AgentEvent.task({ ...task, history: [asked] }));
    for await (const update of goalUpdates(this.operations, view, user.signal, { untilInputRequired: true }))
      bus.publish(update);
  }

  /** The swarm cannot cancel a goal yet (`SwarmRequestHandler` answers `CancelTask` before this is reached). */
  cancelTask(taskId: string): Promise<void> {
    return Promise.reject(notCancelable(taskId));
  }
}

/** The answer to `CancelTask` for a known goal: the swarm has no cancel yet. */
export function notCancelable(goalId: string): Error {
  return new TaskNotCancelableError(`goal ${goalId} cannot be canceled: the swarm has no cancel yet`);
}
