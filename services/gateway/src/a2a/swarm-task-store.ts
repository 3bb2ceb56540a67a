import type { ListTasksRequest, ListTasksResponse, Task } from '@a2a-js/sdk';
import { TaskState } from '@a2a-js/sdk';
import type { TaskStore } from '@a2a-js/sdk/server';
import { GoalId } from '@swarm/contracts';
import type { GatewayOperations, GoalView } from '../api/gateway-operations.js';
import { errorCodeOf } from './error-code.js';
import { progressOfView } from './goal-progress.js';
import { taskOfGoal, taskStateOf } from './task-mapping.js';

/** Tasks per `ListTasks` page when the caller asks for none. */
const DEFAULT_PAGE_SIZE = 20;

/**
 * The A2A task store over the swarm: a task is a goal, read back from the swarm's record on every load, so any
 * gateway replica answers for any goal and nothing lives in the gateway. `save` keeps nothing: the swarm's
 * events are the record, and the tasks the SDK would store are derived from them again on the next load.
 */
export class SwarmTaskStore implements TaskStore {
  constructor(private readonly operations: GatewayOperations) {}

  /** The goal as a task (with its Markdown report once completed), or undefined for an unknown goal id. */
  load(taskId: string): Promise<Task | undefined> {
    return this.read(taskId, true);
  }

  /** The goal's view, or undefined for an id that is no goal id or names no goal. */
  async view(taskId: string): Promise<GoalView | undefined> {
    if (!GoalId.safeParse(taskId).success) return undefined;
    try {
      return await this.operations.getGoal(taskId);
    } catch (error) {
      if (errorCodeOf(error) === 'goal-not-found') return undefined;
      throw error;
    }
  }

  private async read(taskId: string, withReport: boolean): Promise<Task | undefined> {
    const view = await this.view(taskId);
    if (!view) return undefined;
    return withReport ? await this.taskOf(view) : taskOfGoal(view);
  }

  /** A goal view as a task, its report attached when the goal completed with one. */
  async taskOf(view: GoalView): Promise<Task> {
    const completed = taskStateOf(progressOfView(view)) === TaskState.TASK_STATE_COMPLETED;
    return taskOfGoal(view, completed ? await reportOf(this.operations, view.goalId) : undefined);
  }

  /** Keeps nothing: the swarm is the record (see the class comment). */
  async save(): Promise<void> {}

  /** The newest goals as tasks, a page at a time (`pageToken` is the goal list's cursor); a status filter applies to the page. */
  async list(params: ListTasksRequest): Promise<ListTasksResponse> {
    const pageSize = params.pageSize ?? DEFAULT_PAGE_SIZE;
    const page = await this.operations.listGoals({
      limit: pageSize,
      ...(params.pageToken ? { cursor: params.pageToken } : {}),
    });
    const withReports = params.includeArtifacts === true;
    const loaded = await Promise.all(page.goals.map((goal) => this.read(goal.goalId, withReports)));
    const tasks = loaded
      .filter((task): task is Task => task !== undefined)
      .filter((task) => !params.status || task.status?.state === params.status);
    return { tasks, nextPageToken: page.nextCursor ?? '', pageSize, totalSize: tasks.length };
  }
}

/** The goal's final Markdown report, or undefined when it has none (`report-not-ready`). */
export async function reportOf(operations: GatewayOperations, goalId: string): Promise<string | undefined> {
  try {
    return (await operations.getReport(goalId, 'md', 'final')).body;
  } catch (error) {
    if (errorCodeOf(error) === 'report-not-ready') return undefined;
    throw error;
  }
}
