import { TaskState } from '@a2a-js/sdk';
import type { GoalView } from '../api/gateway-operations.js';
import type { GoalProgress } from './goal-progress.js';
import { taskOfGoal, taskStateOf } from './task-mapping.js';

const progress = (phase: GoalProgress['phase'], outcome?: string): GoalProgress => ({
  phase,
  outcome,
  summary: undefined,
});

const view = (overrides: Partial<GoalView>): GoalView => ({
  goalId: 'g-20261206-101010-abc123',
  text: 'top 3 csv parsers',
  state: 'running',
  counts: { claims: 1, completedTasks: 0, retries: 0, deadLettered: 0 },
  instances: [],
  approval: { status: 'not-requested' },
  reports: null,
  timeline: [],
  ignored: [],
  ...overrides,
});

describe('taskStateOf', () => {
  it.each([
    ['submitted', undefined, TaskState.TASK_STATE_SUBMITTED],
    ['running', undefined, TaskState.TASK_STATE_WORKING],
    ['awaiting-approval', undefined, TaskState.TASK_STATE_INPUT_REQUIRED],
    ['completed', 'delivered', TaskState.TASK_STATE_COMPLETED],
    ['completed', 'nothing-found', TaskState.TASK_STATE_COMPLETED],
    ['completed', 'rejected', TaskState.TASK_STATE_REJECTED],
    ['completed', 'approval-expired', TaskState.TASK_STATE_REJECTED],
    ['failed', 'failed', TaskState.TASK_STATE_FAILED],
  ] as const)('maps a %s goal (outcome %s) to A2A state %s', (phase, outcome, state) => {
    expect(taskStateOf(progress(phase, outcome))).toBe(state);
  });
});

describe('taskOfGoal', () => {
  it('uses the goal id as task and context id and the goal text as the user message', () => {
    const task = taskOfGoal(view({}));
    expect(task).toMatchObject({ id: 'g-20261206-101010-abc123', contextId: 'g-20261206-101010-abc123' });
    expect(task.status?.state).toBe(TaskState.TASK_STATE_WORKING);
    expect(task.history[0]?.parts[0]?.content).toEqual({ $case: 'text', value: 'top 3 csv parsers' });
    expect(task.artifacts).toEqual([]);
  });

  it('attaches the Markdown report as the artifact of a completed goal', () => {
    const task = taskOfGoal(
      view({
        state: 'completed',
        outcome: 'delivered',
        summary: '3 ranked',
        endedAt: '2026-12-06T10:11:00Z',
      }),
      '# Report',
    );
    expect(task.status).toMatchObject({
      state: TaskState.TASK_STATE_COMPLETED,
      timestamp: '2026-12-06T10:11:00Z',
    });
    expect(task.artifacts).toHaveLength(1);
    expect(task.artifacts[0]?.parts[0]).toMatchObject({
      content: { $case: 'text', value: '# Report' },
      mediaType: 'text/markdown',
    });
    expect(task.status?.message?.parts[0]?.content).toEqual({
      $case: 'text',
      value: 'goal g-20261206-101010-abc123 completed (delivered): 3 ranked',
    });
  });

  it('reads a goal the swarm knows nothing of yet as submitted', () => {
    expect(taskOfGoal(view({ state: 'unknown' })).status?.state).toBe(TaskState.TASK_STATE_SUBMITTED);
  });

  it('tells the client who decides a goal that waits for approval', () => {
    const task = taskOfGoal(view({ state: 'awaiting-approval' }));
    expect(task.status?.state).toBe(TaskState.TASK_STATE_INPUT_REQUIRED);
    expect(JSON.stringify(task.status?.message?.parts)).toContain('decide_approval');
  });
});
