import { SINK_NAMES } from '@swarm/contracts';
import { CliError } from '../errors.js';
import { DELIVERY_SINKS, exitCodeOf, parseDeliverTo, parseWeights } from './goal.command.js';

/** The exit code of the CliError `parse` throws (undefined when it throws none). */
function exitCodeThrownBy(parse: () => unknown): number | undefined {
  try {
    parse();
  } catch (error) {
    return error instanceof CliError ? error.exitCode : undefined;
  }
  return undefined;
}

describe('goal command', () => {
  it('parses weights given as name=value pairs', () => {
    expect(parseWeights('relevance=5, adoption=0.5')).toEqual({ relevance: 5, adoption: 0.5 });
    expect(() => parseWeights('relevance')).toThrow(CliError);
  });

  it('refuses an unknown component or a weight above 10, naming the part', () => {
    expect(() => parseWeights('relevance=5,speed=2')).toThrow(
      'bad --weights "speed=2": unknown component "speed"; the components are relevance, adoption, freshness, coverage, license',
    );
    expect(() => parseWeights('adoption=11')).toThrow(
      /bad --weights "adoption=11": a weight is a number from 0 to 10/,
    );
    expect(() => parseWeights('adoption=1.2.3')).toThrow(CliError);
    expect(() => parseWeights(',')).toThrow(/name at least one component/);
  });

  it('refuses weights that put every component at 0, since the ranker would have nothing to rank by', () => {
    const zero = 'relevance=0,adoption=0,freshness=0,coverage=0,license=0';
    expect(() => parseWeights(zero)).toThrow(/every component is 0/);
    expect(exitCodeThrownBy(() => parseWeights(zero))).toBe(2);
    // One component at 0 keeps the ranker's defaults for the others: a fine goal.
    expect(parseWeights('license=0')).toEqual({ license: 0 });
    expect(parseWeights(`${zero},license=1`)).toMatchObject({ relevance: 0, license: 1 });
  });

  it('accepts the sinks the communications agent knows, and refuses another naming the known ones', () => {
    // The contract's names, which the communications agent's sinks carry: one list, not a copy.
    expect(DELIVERY_SINKS).toEqual(Object.values(SINK_NAMES));
    expect(DELIVERY_SINKS).toEqual(['stdout', 'file', 'webhook', 'email']);
    expect(parseDeliverTo(' file, webhook,file ')).toEqual(['file', 'webhook']);
    expect(() => parseDeliverTo('file,slack')).toThrow(
      'bad --deliver-to "file,slack": unknown sink "slack"; the sinks are stdout, file, webhook, email',
    );
    expect(() => parseDeliverTo(' , ')).toThrow(/names no sink/);
    expect(exitCodeThrownBy(() => parseDeliverTo('slack'))).toBe(2);
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
