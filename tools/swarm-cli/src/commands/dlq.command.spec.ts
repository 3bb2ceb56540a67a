import type { DeadLetterRecord } from '@swarm/contracts';
import { SCHEMA_VERSION } from '@swarm/contracts';
import { CliError } from '../errors.js';
import { parseQueueName, renderDeadLetter, renderReplay } from './dlq.command.js';

/** The exit code of the CliError `parse` throws (undefined when it throws none). */
function exitCodeThrownBy(parse: () => unknown): number | undefined {
  try {
    parse();
  } catch (error) {
    return error instanceof CliError ? error.exitCode : undefined;
  }
  return undefined;
}

const record = (reason: DeadLetterRecord['reason']): DeadLetterRecord => ({
  type: 'dead-letter',
  schemaVersion: SCHEMA_VERSION,
  messageId: 'dlq/TASKS_RANK/7',
  goalId: 'g',
  taskId: 'g/rank',
  causationId: 'g/rank',
  attempt: 1,
  timestamp: '2026-11-21T00:00:00.000Z',
  queue: 'rank',
  reason,
  source: { stream: 'TASKS_RANK', subject: 'swarm.task.rank', streamSequence: 7, consumer: 'ranker' },
  deliveryCount: 1,
  payload: { encoding: 'utf8', data: '{}', bytes: 2, truncated: false },
  headers: {},
});

describe('renderDeadLetter', () => {
  it('shows where a record came from, its reason and payload', () => {
    expect(renderDeadLetter(record({ code: 'invalid-payload', message: 'bad', retryable: false }))).toBe(
      [
        'dlq/TASKS_RANK/7  2026-11-21T00:00:00.000Z  queue=rank goal=g task=g/rank deliveries=1',
        '    invalid-payload: bad',
        '    payload: 2 bytes (utf8)',
      ].join('\n'),
    );
  });

  it("shows a model's invalid output: model, prompt version, every error, the first 200 chars of what it said", () => {
    const lastOutput = `{"scores": [${'1, '.repeat(100)}]}\nmore`;
    const text = renderDeadLetter(
      record({
        code: 'invalid-model-output',
        message: 'no valid output',
        retryable: false,
        model: {
          model: 'openai-compatible:llama3.1',
          promptVersion: 'ranker.grade-relevance@1',
          lastOutput,
          errors: ['scores[0]: expected object', 'citation 3 resolves to nothing'],
        },
      }),
    );
    expect(text).toContain('    model: openai-compatible:llama3.1, prompt ranker.grade-relevance@1');
    expect(text).toContain(
      '    errors (2):\n      - scores[0]: expected object\n      - citation 3 resolves to nothing',
    );
    expect(text).toContain(
      `    last output (first 200 of ${lastOutput.length} chars): ${JSON.stringify(lastOutput.slice(0, 200))}`,
    );
    expect(text).not.toContain('more');
  });
});

describe('parseQueueName', () => {
  it('accepts each queue of the contract', () => {
    expect(['search', 'scrape', 'rank', 'report'].map(parseQueueName)).toEqual([
      'search',
      'scrape',
      'rank',
      'report',
    ]);
  });

  it('refuses another name as bad usage, naming the known queues', () => {
    expect(() => parseQueueName('bogus')).toThrow(
      'unknown queue "bogus": the queues are search, scrape, rank, report',
    );
    expect(exitCodeThrownBy(() => parseQueueName('TASKS_SCRAPE'))).toBe(2);
  });
});

describe('renderDeadLetter with where a replay goes', () => {
  const r = record({ code: 'invalid-payload', message: 'bad', retryable: false });

  it("names the queue's task subject a replay goes onto", () => {
    expect(renderDeadLetter(r, { ok: true, queue: 'rank', subject: 'swarm.task.rank' })).toContain(
      '    replay: onto swarm.task.rank (queue rank)',
    );
  });

  it('says why a replay would be refused', () => {
    const refused = { ok: false as const, queue: 'rank', reason: 'filed under queue rank, but ...' };
    expect(renderReplay(r, refused)).toBe('refused: filed under queue rank, but ...');
    const cut = { ...r, payload: { ...r.payload, truncated: true, bytes: 9 } };
    expect(renderReplay(cut, { ok: true, queue: 'rank', subject: 'swarm.task.rank' })).toBe(
      'refused: it kept only 2 of 9 bytes',
    );
  });
});
