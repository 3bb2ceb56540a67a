import { GoalSubmitted } from '@swarm/contracts';
import { GoalViewsError } from './errors.js';
import { buildGoalSubmission, inferTopN, newGoalId, parseGoalId } from './goal-submission.js';

/** The code of the GoalViewsError `parse` throws (undefined when it throws none). */
function codeThrownBy(parse: () => unknown): string | undefined {
  try {
    parse();
  } catch (error) {
    return error instanceof GoalViewsError ? error.code : undefined;
  }
  return undefined;
}

describe('buildGoalSubmission', () => {
  it('builds a valid goal.submitted on the goal subject with defaults applied', () => {
    const { goalId, subject, message } = buildGoalSubmission(
      { text: 'find top 5 agentic AI tools' },
      { goalId: 'g-1' },
    );
    expect(goalId).toBe('g-1');
    expect(subject).toBe('swarm.evt.g-1.goal.submitted');
    expect(GoalSubmitted.parse(message)).toEqual(message);
    expect(message.goal).toMatchObject({ topN: 5, requireApproval: false });
    expect(message.messageId).toMatch(/^g-1\/submitted\/[0-9a-f]{16}$/);
  });

  it('gives the same message id to the same goal, with or without its defaults spelled out', () => {
    const a = buildGoalSubmission({ text: 'agents' }, { goalId: 'g-2' });
    const b = buildGoalSubmission({ text: 'agents', topN: 5, requireApproval: false }, { goalId: 'g-2' });
    const c = buildGoalSubmission({ text: 'agents', topN: 3 }, { goalId: 'g-2' });
    expect(a.message.messageId).toBe(b.message.messageId);
    expect(c.message.messageId).not.toBe(a.message.messageId);
  });

  it.each([
    [{ text: '' }, /goal text is empty/],
    [{ text: 'x'.repeat(100 * 1024) }, /goal\.text|text: too big/],
    [{ text: 'agents', topN: 0 }, /topN: too small/],
  ])('rejects a bad goal with a clear invalid-goal error (%#)', (input, message) => {
    expect(codeThrownBy(() => buildGoalSubmission(input))).toBe('invalid-goal');
    expect(() => buildGoalSubmission(input)).toThrow(message);
  });

  it('rejects a goal id that is not a subject token', () => {
    expect(() => buildGoalSubmission({ text: 'agents' }, { goalId: 'a.b' })).toThrow(
      /goal id "a.b" rejected/,
    );
  });
});

describe('newGoalId', () => {
  it('is sortable by time and a single subject token', () => {
    expect(newGoalId(new Date('2026-11-21T05:06:07Z'), () => 'abc123')).toBe('g-20261121-050607-abc123');
  });
});

describe('inferTopN', () => {
  it('reads "top N" from the goal text', () => {
    expect(inferTopN('find top 3 agent frameworks')).toBe(3);
    expect(inferTopN('best agent frameworks')).toBeUndefined();
  });
});

describe('parseGoalId', () => {
  it('accepts a goal id that is one subject token', () => {
    expect(parseGoalId('g-20261121-061418-bebb25')).toBe('g-20261121-061418-bebb25');
  });

  it.each(['*', '>', 'a.b', 'a b', '', 'x'.repeat(65)])(
    'refuses %j as an invalid goal id, naming it',
    (id) => {
      expect(() => parseGoalId(id)).toThrow(`goal id "${id}" rejected: `);
      expect(codeThrownBy(() => parseGoalId(id))).toBe('invalid-goal-id');
    },
  );
});
