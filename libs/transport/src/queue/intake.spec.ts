import { SCHEMA_VERSION } from '@swarm/contracts';
import { z } from 'zod';
import { checkIntake } from './intake.js';

const Submitted = z.object({
  type: z.literal('goal.submitted'),
  goalId: z.string(),
  taskId: z.string(),
  messageId: z.string(),
  schemaVersion: z.literal(SCHEMA_VERSION),
});
const FILTER = 'swarm.evt.*.goal.submitted';
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const submitted = (goalId: string) => ({
  type: 'goal.submitted',
  goalId,
  taskId: `${goalId}/search`,
  messageId: `${goalId}/submitted/f`,
  schemaVersion: SCHEMA_VERSION,
});

describe('checkIntake', () => {
  it('takes in a payload whose goal is the one its subject names', () => {
    expect(
      checkIntake(Submitted, FILTER, 'swarm.evt.g1.goal.submitted', bytes(submitted('g1'))),
    ).toMatchObject({
      ok: true,
      payload: { goalId: 'g1' },
    });
  });

  it('refuses a payload for another goal than its subject, filed under the subject goal', () => {
    const intake = checkIntake(Submitted, FILTER, 'swarm.evt.g2.goal.submitted', bytes(submitted('g1')));
    expect(intake).toMatchObject({
      ok: false,
      reason: { code: 'subject-goal-mismatch', retryable: false },
      known: { goalId: 'g2', taskId: 'g1/search', messageId: 'g1/submitted/f' },
    });
    expect(intake.ok ? '' : intake.reason.message).toBe(
      'the subject swarm.evt.g2.goal.submitted names goal g2 but the payload names goal g1',
    );
  });

  it("files a broken payload under its subject's goal, which it may fail", () => {
    expect(checkIntake(Submitted, FILTER, 'swarm.evt.g3.goal.submitted', bytes({ goalId: 'g1' }))).toEqual({
      ok: false,
      reason: expect.objectContaining({ code: 'invalid-payload' }),
      known: { goalId: 'g3' },
    });
  });

  it('may not fail the goal a broken task names, since only the payload names it', () => {
    expect(
      checkIntake(Submitted, 'swarm.task.rank', 'swarm.task.rank', new TextEncoder().encode('{x')),
    ).toEqual({
      ok: false,
      reason: expect.objectContaining({ code: 'not-json' }),
      mayFailGoal: false,
    });
  });

  it('takes in a task whose subject names no goal', () => {
    expect(checkIntake(Submitted, 'swarm.task.rank', 'swarm.task.rank', bytes(submitted('g1'))).ok).toBe(
      true,
    );
  });
});
