import { GoalSpec } from './goal.js';
import { LIMITS } from './limits.js';

describe('GoalSpec', () => {
  it('applies the defaults: topN 5 and no approval', () => {
    expect(GoalSpec.parse({ text: 'nats clients' })).toEqual({
      text: 'nats clients',
      topN: 5,
      requireApproval: false,
    });
    expect(LIMITS.topNDefault).toBe(5);
  });

  it('keeps the values a goal sets', () => {
    const spec = GoalSpec.parse({
      text: 'nats clients',
      topN: 25,
      requireApproval: true,
      weights: { license: 0 },
    });
    expect(spec).toMatchObject({ topN: 25, requireApproval: true, weights: { license: 0 } });
  });

  it('trims the text', () => {
    expect(GoalSpec.parse({ text: '  nats clients \n' }).text).toBe('nats clients');
  });

  it.each([
    ['empty text', { text: '' }, 'text'],
    ['text of only whitespace', { text: ' \t\n ' }, 'text'],
    ['100 KB of text', { text: 'x'.repeat(100 * 1024) }, 'text'],
    ['topN 0', { text: 'nats clients', topN: 0 }, 'topN'],
    ['topN above the limit', { text: 'nats clients', topN: LIMITS.topNMax + 1 }, 'topN'],
    ['a fractional topN', { text: 'nats clients', topN: 2.5 }, 'topN'],
    ['an unknown field', { text: 'nats clients', topn: 3 }, ''],
    ['an unknown weight', { text: 'nats clients', weights: { stars: 1 } }, 'weights'],
    ['a weight above 10', { text: 'nats clients', weights: { relevance: 11 } }, 'weights.relevance'],
  ])('rejects %s', (_name, input, path) => {
    const parsed = GoalSpec.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join('.')).toBe(path);
  });

  it('says why an empty goal is refused', () => {
    expect(GoalSpec.safeParse({ text: '   ' }).error?.issues[0]?.message).toBe('goal text is empty');
  });

  it('accepts text of exactly the maximum length', () => {
    expect(GoalSpec.safeParse({ text: 'x'.repeat(LIMITS.goalTextMaxChars) }).success).toBe(true);
  });
});
