import { createHash } from 'node:crypto';
import { goalFingerprint, messageIds } from './ids.js';

describe('goalFingerprint', () => {
  it('gives the same fingerprint whatever the order of the keys, at any depth', () => {
    const a = goalFingerprint({ text: 'nats clients', topN: 3, weights: { relevance: 2, license: 1 } });
    const b = goalFingerprint({ weights: { license: 1, relevance: 2 }, topN: 3, text: 'nats clients' });
    expect(a).toBe(b);
  });

  it('gives a different fingerprint when the content differs', () => {
    const base = goalFingerprint({ text: 'nats clients', topN: 3 });
    expect(goalFingerprint({ text: 'nats clients', topN: 4 })).not.toBe(base);
    expect(goalFingerprint({ text: 'nats client', topN: 3 })).not.toBe(base);
    expect(goalFingerprint({ text: 'nats clients', topN: 3, requireApproval: true })).not.toBe(base);
  });

  it('is 16 lowercase hex digits of SHA-256 over canonical JSON, so any language can compute it', () => {
    const canonical = '{"deliverTo":["file"],"text":"nats clients","topN":3}';
    const expected = createHash('sha256').update(canonical).digest('hex').slice(0, 16);
    expect(goalFingerprint({ topN: 3, text: 'nats clients', deliverTo: ['file'] })).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{16}$/);
  });

  it('leaves out fields that are present but undefined', () => {
    expect(goalFingerprint({ text: 'nats clients', submittedBy: undefined })).toBe(
      goalFingerprint({ text: 'nats clients' }),
    );
  });
});

describe('messageIds', () => {
  it('builds the goal submission id from the goal id and the fingerprint', () => {
    expect(messageIds.goalSubmitted('g1', '0123456789abcdef')).toBe('g1/submitted/0123456789abcdef');
  });

  it('gives each task of a goal one id, so a republished task is a duplicate', () => {
    expect(messageIds.searchTask('g1')).toBe('g1/search');
    expect(messageIds.scrapeTask('g1', 3)).toBe('g1/scrape/3');
    expect(messageIds.rankTask('g1')).toBe('g1/rank');
    expect(messageIds.reportTask('g1')).toBe('g1/report');
  });

  it('gives each delivery of a task its own claimed and failed id, so retries stay visible', () => {
    expect(messageIds.claimed('g1/rank', 1)).not.toBe(messageIds.claimed('g1/rank', 2));
    expect(messageIds.failed('g1/rank', 2)).toBe('g1/rank/failed/2');
    expect(messageIds.progress('g1/rank', 2, 7)).toBe('g1/rank/progress/2/7');
    expect(messageIds.completed('g1/rank')).toBe('g1/rank/completed');
  });

  it('names a dead-letter record after the stream position of the message it holds', () => {
    expect(messageIds.deadLetter('TASKS_SCRAPE', 42)).toBe('dlq/TASKS_SCRAPE/42');
  });
});
