import type { AcceptedGoal, ReportTask } from '@swarm/contracts';
import { GoalSpec, messageIds, SCHEMA_VERSION } from '@swarm/contracts';
import { rankingArtifactOf, reportTaskNotDue } from './report-due.js';
import { ranking, rankedEntry } from './testing/ranking.fixture.js';

const GOAL = 'g-7f3a91c2';
const QUERY = 'TypeScript clients for NATS JetStream work queues';
const stored = ranking([rankedEntry(1, 'nats')], { goalId: GOAL, query: QUERY });
const spec: AcceptedGoal = {
  fingerprint: 'f'.repeat(16),
  goal: GoalSpec.parse({ text: QUERY, requireApproval: true, deliverTo: ['file'] }),
  acceptedAt: '2025-11-21T09:30:00.000Z',
};

const task = (overrides: Partial<ReportTask> = {}): ReportTask => ({
  type: 'task.report',
  schemaVersion: SCHEMA_VERSION,
  messageId: messageIds.reportTask(GOAL),
  goalId: GOAL,
  taskId: messageIds.reportTask(GOAL),
  causationId: messageIds.rankTask(GOAL),
  attempt: 1,
  timestamp: '2025-11-21T09:31:00.000Z',
  query: QUERY,
  rankingArtifact: rankingArtifactOf(GOAL),
  requireApproval: true,
  deliverTo: ['file'],
  ...overrides,
});

describe('reportTaskNotDue', () => {
  it("finds a task due that names its goal's stored ranking and keeps the goal's approval and sinks", () => {
    expect(reportTaskNotDue(task(), { ranking: stored, spec })).toBeUndefined();
    expect(reportTaskNotDue(task(), { ranking: stored, spec: undefined })).toBeUndefined();
  });

  it('refuses a task for a goal whose rank stage never stored a ranking', () => {
    expect(reportTaskNotDue(task(), { ranking: undefined, spec })).toBe(
      `goal ${GOAL} has no ranking: its rank stage has not run`,
    );
  });

  it("refuses a task naming another goal's ranking or another artifact", () => {
    expect(reportTaskNotDue(task({ rankingArtifact: 'other/ranking.json' }), { ranking: stored, spec })).toBe(
      `the task names artifact other/ranking.json, not goal ${GOAL}'s ranking ${GOAL}/ranking.json`,
    );
    expect(
      reportTaskNotDue(task({ rankingArtifact: `${GOAL}/report.md` }), { ranking: stored, spec }),
    ).toContain('not goal');
  });

  it('refuses a ranking stored for another goal or query', () => {
    expect(reportTaskNotDue(task({ query: 'something else' }), { ranking: stored, spec })).toContain(
      'not this task',
    );
    const foreign = ranking([], { goalId: 'other', query: QUERY });
    expect(reportTaskNotDue(task(), { ranking: foreign, spec })).toContain('is for goal other');
  });

  it('refuses a task that drops the approval the goal requires, or changes its sinks', () => {
    expect(reportTaskNotDue(task({ requireApproval: false }), { ranking: stored, spec })).toBe(
      `the task drops the approval goal ${GOAL} requires`,
    );
    expect(reportTaskNotDue(task({ deliverTo: ['webhook'] }), { ranking: stored, spec })).toBe(
      `the task delivers to webhook, goal ${GOAL} asked for file`,
    );
  });
});
