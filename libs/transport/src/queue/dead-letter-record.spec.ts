import { DeadLetterRecord } from '@swarm/contracts';
import { buildDeadLetterRecord, UNKNOWN_GOAL_ID } from './dead-letter-record.js';

const base = {
  queue: 'scrape',
  reason: { code: 'not-json', message: 'payload is not utf-8 json', retryable: false },
  source: { stream: 'TASKS_SCRAPE', subject: 'swarm.task.scrape', streamSequence: 42, consumer: 'scraper' },
  deliveryCount: 1,
  payloadLimitBytes: 1_024,
  now: new Date('2026-11-21T00:00:00Z'),
};

describe('buildDeadLetterRecord', () => {
  it('builds a valid record with a deterministic id, the payload and the headers', () => {
    const record = buildDeadLetterRecord({
      ...base,
      data: new TextEncoder().encode('nope'),
      headers: { 'Swarm-Goal-Id': ['g1'], 'Swarm-Task-Id': ['g1/scrape/3'] },
    });
    expect(DeadLetterRecord.parse(record)).toEqual(record);
    expect(record).toMatchObject({
      messageId: 'dlq/TASKS_SCRAPE/42',
      goalId: 'g1',
      taskId: 'g1/scrape/3',
      payload: { data: 'nope' },
    });
  });

  it('files a message that names no goal under the unknown goal', () => {
    const record = buildDeadLetterRecord({ ...base, data: new Uint8Array([1, 2]), headers: {} });
    expect(record.goalId).toBe(UNKNOWN_GOAL_ID);
    expect(DeadLetterRecord.safeParse(record).success).toBe(true);
  });
});
