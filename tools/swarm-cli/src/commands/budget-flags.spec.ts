import { CliError } from '../errors.js';
import { parseBudget } from './budget-flags.js';

describe('parseBudget', () => {
  it('reads cost, tokens, calls, a deadline with its unit and the exhaustion policy', () => {
    expect(parseBudget('cost=0.50,tokens=200000,calls=20,deadline=10m,on-exhausted=pause')).toEqual({
      costUsd: 0.5,
      tokens: 200_000,
      modelCalls: 20,
      deadlineMs: 600_000,
      onExhausted: 'pause',
    });
    expect(parseBudget('deadline=90s')).toEqual({ deadlineMs: 90_000 });
  });

  it('refuses an unknown name, a bad number, a fractional token count and an unknown policy', () => {
    for (const bad of [
      'dollars=1',
      'cost=abc',
      'tokens=1.5',
      'on-exhausted=explode',
      'cost',
      '',
      'deadline=soon',
    ])
      expect(() => parseBudget(bad)).toThrow(CliError);
  });

  it('takes no policy in an addition', () => {
    expect(parseBudget('cost=0.25', true)).toEqual({ costUsd: 0.25 });
    expect(() => parseBudget('on-exhausted=fail', true)).toThrow(/unknown name "on-exhausted"/);
  });
});
