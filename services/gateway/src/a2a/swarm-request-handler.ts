import type {
  AgentCard,
  Message,
  SendMessageRequest,
  StreamResponse,
  SubscribeToTaskRequest,
  Task,
  CancelTaskRequest,
} from '@a2a-js/sdk';
import { RequestMalformedError, TaskNotFoundError, UnsupportedOperationError } from '@a2a-js/sdk/errors';
import type { ServerCallContext } from '@a2a-js/sdk/server';
import { DefaultRequestHandler } from '@a2a-js/sdk/server';
import { describeIssues, GoalSpec } from '@swarm/contracts';
import type { GatewayOperations } from '../api/gateway-operations.js';
import { hasRole } from '../auth/roles.js';
import { GoalExecutor, notCancelable } from './goal-executor.js';
import { gatewayUserOf } from './gateway-user.js';
import { hasEnded, progressOfView } from './goal-progress.js';
import { goalUpdates } from './goal-updates.js';
import { messageText } from './message-goal.js';
import { SwarmTaskStore } from './swarm-task-store.js';

/**
 * The SDK's request handler over the swarm, stateless: tasks are read from the swarm (`SwarmTaskStore`), a
 * message becomes a goal (`GoalExecutor`), `SubscribeToTask` follows the goal's events from any replica, and
 * `CancelTask` answers `TaskNotCancelableError` (the swarm has no cancel yet). No event bus outlives its request.
 */
export class SwarmRequestHandler extends DefaultRequestHandler {
  private readonly tasks: SwarmTaskStore;

  constructor(
    card: AgentCard,
    private readonly operations: GatewayOperations,
  ) {
    const tasks = new SwarmTaskStore(operations);
    super(
      card,
      tasks,
      new GoalExecutor(operations, tasks),
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      {
        keepBusAliveStates: [],
      },
    );
    this.tasks = tasks;
  }

  override sendMessage(params: SendMessageRequest, context: ServerCallContext): Promise<Message | Task> {
    admit(params, context);
    return super.sendMessage(params, context);
  }

  override async *sendMessageStream(
    params: SendMessageRequest,
    context: ServerCallContext,
  ): AsyncGenerator<StreamResponse, void, undefined> {
    admit(params, context);
    yield* super.sendMessageStream(params, context);
  }

  override async cancelTask(params: CancelTaskRequest): Promise<Task> {
    const task = await this.tasks.load(params.id);
    if (!task) throw new TaskNotFoundError(`task ${params.id} not found`);
    throw notCancelable(params.id);
  }

  /**
   * The task as it stands, then its status updates (and report) until the goal ends, read from the swarm so any
   * replica serves it; an ended goal is refused, as the protocol says (read it with `GetTask`).
   */
  override async *resubscribe(
    params: SubscribeToTaskRequest,
    context: ServerCallContext,
  ): AsyncGenerator<StreamResponse, void, undefined> {
    const user = gatewayUserOf(context);
    const view = await this.tasks.view(params.id);
    if (!view) throw new TaskNotFoundError(`task ${params.id} not found`);
    if (hasEnded(progressOfView(view)))
      throw new UnsupportedOperationError(`task ${params.id} has ended: read it with GetTask`);
    const task = await this.tasks.taskOf(view);
    yield { payload: { $case: 'task', value: task } };
    for await (const update of goalUpdates(this.operations, view, user.signal, {
      untilInputRequired: false,
    })) {
      if (update.kind === 'statusUpdate') yield { payload: { $case: 'statusUpdate', value: update.data } };
      else if (update.kind === 'artifactUpdate')
        yield { payload: { $case: 'artifactUpdate', value: update.data } };
    }
  }
}

/** Refuses a message the swarm cannot take as a goal, before any goal is submitted. */
function admit(params: SendMessageRequest, context: ServerCallContext): void {
  const { principal } = gatewayUserOf(context);
  if (!hasRole(principal, ['submitter']))
    throw new UnsupportedOperationError('sending a message (a goal) needs the role submitter');
  const message = params.message;
  if (message?.taskId)
    throw new UnsupportedOperationError(
      `task ${message.taskId} takes no further messages: a goal waiting for approval is decided by an approver`,
    );
  const goal = GoalSpec.safeParse({ text: messageText(message) });
  if (!goal.success)
    throw new RequestMalformedError(
      `the message's text is the goal and it was refused: ${describeIssues(goal.error.issues)}`,
    );
}
