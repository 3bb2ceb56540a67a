import type {
  Artifact,
  Message,
  Part,
  Task,
  TaskArtifactUpdateEvent,
  TaskStatusUpdateEvent,
} from '@a2a-js/sdk';
import { Role, TaskState } from '@a2a-js/sdk';
import type { GoalView } from '../api/gateway-operations.js';
import type { GoalProgress } from './goal-progress.js';
import { progressOfView } from './goal-progress.js';

/** Ends of a goal that the A2A task reports as `rejected`: a human said no, or nobody said yes in time. */
const REJECTED_OUTCOMES: readonly string[] = ['rejected', 'approval-expired'];

/**
 * The A2A task state of a goal: submitted -> submitted, running -> working, awaiting approval or budget ->
 * input-required, completed -> completed (or rejected when the approval was rejected or expired),
 * failed -> failed. Pure.
 */
export function taskStateOf(progress: GoalProgress): TaskState {
  switch (progress.phase) {
    case 'submitted':
      return TaskState.TASK_STATE_SUBMITTED;
    case 'running':
      return TaskState.TASK_STATE_WORKING;
    case 'awaiting-approval':
    case 'awaiting-budget':
      return TaskState.TASK_STATE_INPUT_REQUIRED;
    case 'completed':
      return progress.outcome !== undefined && REJECTED_OUTCOMES.includes(progress.outcome)
        ? TaskState.TASK_STATE_REJECTED
        : TaskState.TASK_STATE_COMPLETED;
    case 'failed':
      return TaskState.TASK_STATE_FAILED;
  }
}

/** A plain-text part. Pure. */
export function textPart(text: string, mediaType = 'text/plain', filename = ''): Part {
  return { content: { $case: 'text', value: text }, mediaType, filename, metadata: undefined };
}

/** What the agent says about a goal in a status: where it stands and, at the end, its summary. Pure. */
export function statusText(goalId: string, progress: GoalProgress): string {
  switch (progress.phase) {
    case 'submitted':
      return `goal ${goalId} submitted`;
    case 'running':
      return `goal ${goalId} is running`;
    case 'awaiting-approval':
      return (
        `goal ${goalId} waits for a human approval of its report ` +
        '(an approver decides in the console, the API or the MCP tool decide_approval)'
      );
    case 'awaiting-budget':
      return (
        `goal ${goalId} is paused: its budget ran out ` +
        `(an operator adds to it with: swarm budget ${goalId} --add cost=...)`
      );
    case 'completed':
    case 'failed':
      return (
        `goal ${goalId} ${progress.phase} (${progress.outcome ?? 'no outcome'})` +
        (progress.summary ? `: ${progress.summary}` : '')
      );
  }
}

/** The agent's status message for a goal; task and context ids are both the goal id. Pure. */
export function statusMessage(goalId: string, progress: GoalProgress, messageId: string): Message {
  return {
    messageId,
    contextId: goalId,
    taskId: goalId,
    role: Role.ROLE_AGENT,
    parts: [textPart(statusText(goalId, progress))],
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  };
}

/** The goal's Markdown report as the task's artifact (one per goal, id `<goalId>-report`). Pure. */
export function reportArtifact(goalId: string, markdown: string): Artifact {
  return {
    artifactId: `${goalId}-report`,
    name: 'report.md',
    description: `The swarm's Markdown report for goal ${goalId}`,
    parts: [textPart(markdown, 'text/markdown', 'report.md')],
    metadata: undefined,
    extensions: [],
  };
}

/** The status-update event for a goal that moved to `progress`. Pure. */
export function statusUpdateOf(
  goalId: string,
  progress: GoalProgress,
  time: string,
  messageId: string,
): TaskStatusUpdateEvent {
  return {
    taskId: goalId,
    contextId: goalId,
    status: {
      state: taskStateOf(progress),
      message: statusMessage(goalId, progress, messageId),
      timestamp: time,
    },
    metadata: { phase: progress.phase, outcome: progress.outcome },
  };
}

/** The artifact-update event carrying the report (whole, in one chunk). Pure. */
export function reportUpdateOf(goalId: string, markdown: string): TaskArtifactUpdateEvent {
  return {
    taskId: goalId,
    contextId: goalId,
    artifact: reportArtifact(goalId, markdown),
    append: false,
    lastChunk: true,
    metadata: undefined,
  };
}

/**
 * A goal view as an A2A task: id and context id = the goal id, the goal text as the user's message in the
 * history, the state mapped by `taskStateOf`, and the Markdown report as an artifact when one is given.
 * Pure: the caller fetches the report.
 */
export function taskOfGoal(view: GoalView, reportMarkdown?: string): Task {
  const progress = progressOfView(view);
  const goalId = view.goalId;
  const time = view.endedAt ?? view.startedAt ?? new Date(0).toISOString();
  const goalMessage: Message = {
    messageId: `${goalId}-goal`,
    contextId: goalId,
    taskId: goalId,
    role: Role.ROLE_USER,
    parts: [textPart(view.text ?? '')],
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  };
  return {
    id: goalId,
    contextId: goalId,
    status: {
      state: taskStateOf(progress),
      message: statusMessage(goalId, progress, `${goalId}-status`),
      timestamp: time,
    },
    artifacts: reportMarkdown === undefined ? [] : [reportArtifact(goalId, reportMarkdown)],
    history: view.text === undefined ? [] : [goalMessage],
    metadata: { phase: progress.phase, outcome: progress.outcome },
  };
}
