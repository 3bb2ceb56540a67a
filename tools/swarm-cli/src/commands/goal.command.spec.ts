import { CliError } from '../errors.js';
import { exitCodeOf, parseWeights } from './goal.command.js';

describe('goal command', () => {
  it('parses weights given as name=value pairs', () => {
    expect(parseWeights('relevance=5, adoption=0.5')).toEqual({ relevance: 5, adoption: 0.5 });
    expect(() => parseWeights('relevance')).toThrow(CliError);
  });

  it('maps how a goal ended to the documented exit codes', () => {
    const end = (type: string, outcome?: string) => ({ type, time: new Date(), body: { outcome } });
    expect(exitCodeOf(end('goal.completed', 'delivered'))).toBe(0);
    expect(exitCodeOf(end('goal.completed', 'nothing-found'))).toBe(0);
    expect(exitCodeOf(end('goal.completed', 'rejected'))).toBe(6);
    expect(exitCodeOf(end('goal.completed', 'approval-expired'))).toBe(6);
    expect(exitCodeOf(end('goal.failed'))).toBe(5);
  });
});
