import { CONTEXT_KEYS } from '@swarm/contracts';
import type { KeyChange } from './parked-goals.js';
import { ParkedGoals } from './parked-goals.js';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const request = (expiresAt: number) => ({
  requestedAt: new Date(T0).toISOString(),
  expiresAt: new Date(expiresAt).toISOString(),
  reportArtifact: 'g/report.preview.md',
});
const put = (goalId: string, key: string, revision: number, value: unknown = {}): KeyChange => ({
  goalId,
  key,
  revision,
  operation: 'PUT',
  value,
});
const END = CONTEXT_KEYS.end('report');
const HOUR = 3_600_000;

describe('ParkedGoals', () => {
  it('holds a goal from its approval request until its report ends', () => {
    const index = new ParkedGoals();
    index.apply(put('g1', CONTEXT_KEYS.approval, 1, request(T0 + HOUR)));
    index.apply(put('g2', CONTEXT_KEYS.approval, 2, request(T0 + HOUR)));
    expect(index.size).toBe(2);
    index.apply(put('g1', END, 3));
    expect(index.size).toBe(1);
    expect(index.due(T0, 1_000)).toEqual([]);
  });

  it('hands out a decision resume once, under the newest decision revision', () => {
    const index = new ParkedGoals();
    index.apply(put('g1', CONTEXT_KEYS.approval, 1, request(T0 + HOUR)));
    index.apply(put('g1', CONTEXT_KEYS.decision('bob'), 4));
    index.apply(put('g1', CONTEXT_KEYS.decision('alice'), 7));
    expect(index.takeDecided()).toEqual([{ goalId: 'g1', trigger: { kind: 'decision', revision: 7 } }]);
    expect(index.takeDecided()).toEqual([]);
  });

  it('ignores decisions of goals that never asked or already ended, and requests that are no request', () => {
    const index = new ParkedGoals();
    index.apply(put('stranger', CONTEXT_KEYS.decision('alice'), 1));
    index.apply(put('g1', CONTEXT_KEYS.approval, 2, request(T0 + HOUR)));
    index.apply(put('g1', END, 3));
    index.apply(put('g1', CONTEXT_KEYS.decision('alice'), 4));
    index.apply(put('bad', CONTEXT_KEYS.approval, 5, { expiresAt: 'soon' }));
    expect(index.size).toBe(0);
    expect(index.due(T0 + 2 * HOUR, 1_000)).toEqual([]);
  });

  it('resumes a goal past its deadline, again only after the retry interval while it stays open', () => {
    const index = new ParkedGoals();
    index.apply(put('g1', CONTEXT_KEYS.approval, 1, request(T0 + HOUR)));
    expect(index.due(T0 + HOUR - 1, 60_000)).toEqual([]);
    expect(index.due(T0 + HOUR, 60_000)).toEqual([{ goalId: 'g1', trigger: { kind: 'expiry' } }]);
    expect(index.due(T0 + HOUR + 59_999, 60_000)).toEqual([]);
    expect(index.due(T0 + HOUR + 60_000, 60_000)).toEqual([{ goalId: 'g1', trigger: { kind: 'expiry' } }]);
  });

  it('sends a resume that could not be published again at the next sweep', () => {
    const index = new ParkedGoals();
    index.apply(put('g1', CONTEXT_KEYS.approval, 1, request(T0)));
    index.apply(put('g1', CONTEXT_KEYS.decision('alice'), 2));
    const calls = index.due(T0, 60_000);
    expect(calls).toHaveLength(2);
    for (const call of calls) index.retry(call);
    expect(index.due(T0 + 1, 60_000)).toEqual(calls);
  });

  it('follows a deadline moved by a later write of the request', () => {
    const index = new ParkedGoals();
    index.apply(put('g1', CONTEXT_KEYS.approval, 1, request(T0 + HOUR)));
    index.apply(put('g1', CONTEXT_KEYS.approval, 2, request(T0)));
    expect(index.due(T0, 1_000)).toEqual([{ goalId: 'g1', trigger: { kind: 'expiry' } }]);
  });
});
