import { poisonFor } from './poison-input.scenario.js';

describe('poisonFor', () => {
  const maxPayload = 1_048_576;
  const poisons = poisonFor('poison-x-r0', maxPayload, 'poison-x-good-0');

  it('covers every kind the issue names, plus one poison per task queue', () => {
    expect(poisons.map((p) => p.kind)).toEqual([
      'goal: not JSON',
      'goal: wrong schema version',
      'goal: wrong types',
      expect.stringMatching(/^goal: \d+ KiB payload$/),
      'goal: id reused with other content',
      'scrape task: not JSON',
      'rank task: wrong schema version',
      'report task: wrong types',
    ]);
  });

  it('keeps the large payload just under max_payload', () => {
    const big = poisons[3]!;
    expect(big.data.length).toBeLessThan(maxPayload - 8 * 1024);
    expect(big.data.length).toBeGreaterThan(maxPayload - 32 * 1024);
  });

  it('gives every poison its own message id', () => {
    expect(new Set(poisons.map((p) => p.messageId)).size).toBe(poisons.length);
  });

  it('reuses the taken goal id with other content', () => {
    const reused = poisons[4]!;
    expect(reused.subject).toBe('swarm.evt.poison-x-good-0.goal.submitted');
    expect(reused.messageId).toMatch(/^poison-x-good-0\/submitted\/[0-9a-f]{16}$/);
  });
});
