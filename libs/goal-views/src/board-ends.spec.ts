import type { StoredMessage } from '@swarm/transport';
import { endRecordsOf, hasEndOf, recordedOutcome } from './board-ends.js';

const AT = '2026-01-01T00:00:00.000Z';
const kv = (subject: string, body: unknown): StoredMessage => ({
  subject,
  streamSequence: 1,
  time: new Date(AT),
  headers: {},
  body,
});
const record = (type: string, outcome?: string) => ({
  type,
  messageId: `g1/${type}`,
  ...(outcome ? { outcome } : {}),
  at: AT,
});

describe('endRecordsOf', () => {
  it("reads each goal's end records by queue, skipping what is not one", () => {
    const ends = endRecordsOf('b', [
      kv('$KV.b.g1.end.rank', record('goal.failed')),
      kv('$KV.b.g1.end.report', record('goal.completed', 'delivered')),
      kv('$KV.b.g2.end.search', ''),
      kv('$KV.b.g3.end.rank.extra', record('goal.failed')),
      kv('$KV.other.g4.end.rank', record('goal.failed')),
    ]);
    expect([...ends.keys()]).toEqual(['g1']);
    expect(Object.keys(ends.get('g1') ?? {})).toEqual(['rank', 'report']);
  });
});

describe('hasEndOf and recordedOutcome', () => {
  const records = {
    search: {
      ...record('goal.completed', 'nothing-found'),
      type: 'goal.completed' as const,
      outcome: 'nothing-found' as const,
    },
    report: {
      ...record('goal.completed', 'rejected'),
      type: 'goal.completed' as const,
      outcome: 'rejected' as const,
    },
  };

  it('finds an end of a type, and takes the outcome of the latest stage', () => {
    expect(hasEndOf(records, 'goal.completed')).toBe(true);
    expect(hasEndOf(records, 'goal.failed')).toBe(false);
    expect(hasEndOf(undefined, 'goal.completed')).toBe(false);
    expect(recordedOutcome(records)).toBe('rejected');
    expect(recordedOutcome(undefined)).toBeUndefined();
  });
});
