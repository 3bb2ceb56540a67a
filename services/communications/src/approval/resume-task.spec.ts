import { messageIds, ReportTask } from '@swarm/contracts';
import { isResume, resumeTask } from './resume-task.js';

const NOW = new Date('2026-01-01T00:00:00.000Z');

describe('resumeTask', () => {
  it('is a valid report task with one id per trigger, asking for approval and the goal\'s sinks', () => {
    const task = resumeTask(
      'g-1',
      { kind: 'decision', revision: 42 },
      { query: 'nats clients' },
      { goal: { text: 'nats clients', requireApproval: true, deliverTo: ['file'] } } as never,
      NOW,
    );
    expect(ReportTask.parse(task)).toEqual(task);
    expect(task).toMatchObject({
      messageId: 'g-1/report.resume/decision-42',
      taskId: 'g-1/report.resume/decision-42',
      causationId: messageIds.approvalRequested('g-1'),
      query: 'nats clients',
      rankingArtifact: 'g-1/ranking.json',
      requireApproval: true,
      deliverTo: ['file'],
    });
    expect(resumeTask('g-1', { kind: 'expiry' }, { query: 'q' }, undefined, NOW).messageId).toBe(
      'g-1/report.resume/expiry',
    );
  });

  it('tells a resume from the task the ranker sent', () => {
    expect(isResume({ goalId: 'g-1', messageId: messageIds.reportTask('g-1') })).toBe(false);
    expect(isResume({ goalId: 'g-1', messageId: 'g-1/report.resume/expiry' })).toBe(true);
  });
});
