import type { ApprovalDecision, ApprovalState } from './artifacts.js';
import type { RecordedDecision } from './approval-resolution.js';
import { parseDecisionEntries, readApproval, resolveApproval } from './approval-resolution.js';

const at = '2026-11-21T09:30:00.000Z';
const request: ApprovalState = {
  requestedAt: at,
  expiresAt: '2026-11-21T09:40:00.000Z',
  reportArtifact: 'g-1/report.preview.md',
};
const granted: ApprovalDecision = { outcome: 'granted', at };
const rejected: ApprovalDecision = { outcome: 'rejected', comment: 'misses licensing', at };
const decision = (
  identity: string,
  revision: number,
  value: ApprovalDecision = granted,
): RecordedDecision => ({
  identity,
  decision: value,
  revision,
});
const expiredAt = (requestRevision: number) => ({
  ...request,
  expired: { at: '2026-11-21T09:40:00.100Z', requestRevision },
});

describe('resolveApproval', () => {
  it('is not requested without an approval request, whatever decisions exist', () => {
    expect(resolveApproval(undefined, [decision('alice', 3)])).toEqual({ status: 'not-requested' });
  });

  it('stays pending while no decision counts', () => {
    expect(resolveApproval({ value: request, revision: 10 }, [])).toEqual({
      status: 'pending',
      request,
      requestRevision: 10,
    });
  });

  it('lets the decision with the lowest revision win, in whatever order they are listed', () => {
    const decisions = [decision('carol', 14), decision('bob', 12, rejected), decision('alice', 13)];
    expect(resolveApproval({ value: request, revision: 10 }, decisions)).toMatchObject({
      status: 'decided',
      outcome: 'rejected',
      by: 'bob',
      comment: 'misses licensing',
      revision: 12,
    });
    expect(resolveApproval({ value: request, revision: 10 }, [...decisions].reverse())).toMatchObject({
      by: 'bob',
    });
  });

  it('does not count a decision stored before the request', () => {
    const early = [decision('mallory', 4), decision('alice', 11, rejected)];
    expect(resolveApproval({ value: request, revision: 10 }, early)).toMatchObject({
      status: 'decided',
      by: 'alice',
    });
    expect(resolveApproval({ value: expiredAt(10), revision: 20 }, [decision('mallory', 4)])).toMatchObject({
      status: 'expired',
    });
  });

  it('counts a decision stored before the expiry mark and none stored after it', () => {
    const marked = { value: expiredAt(10), revision: 20 };
    expect(resolveApproval(marked, [decision('alice', 19)])).toMatchObject({
      status: 'decided',
      by: 'alice',
    });
    expect(resolveApproval(marked, [decision('alice', 21)])).toEqual({
      status: 'expired',
      request: marked.value,
      at: '2026-11-21T09:40:00.100Z',
    });
  });

  it('counts a decision stored after the deadline while the expiry is not marked yet', () => {
    expect(resolveApproval({ value: request, revision: 10 }, [decision('alice', 99)])).toMatchObject({
      status: 'decided',
      by: 'alice',
    });
  });
});

describe('parseDecisionEntries', () => {
  it('takes the identity from the key and ignores what the value claims', () => {
    const { decisions, ignored } = parseDecisionEntries([
      { key: 'decision.alice', value: { ...granted, by: 'mallory' }, revision: 7 },
    ]);
    expect(ignored).toEqual([]);
    expect(decisions).toEqual([{ identity: 'alice', decision: granted, revision: 7 }]);
  });

  it('ignores keys that name no identity and values that are no decision, saying why', () => {
    const { decisions, ignored } = parseDecisionEntries([
      { key: 'decision.a.b.c', value: granted, revision: 1 },
      { key: 'decision.', value: granted, revision: 2 },
      { key: 'decision.bob', value: { outcome: 'rejected', at }, revision: 3 },
      { key: 'decision.carol', value: { outcome: 'maybe', at }, revision: 4 },
      { key: 'decision.dan', value: rejected, revision: 5 },
    ]);
    expect(decisions.map((d) => d.identity)).toEqual(['dan']);
    expect(ignored.map((i) => [i.key, i.reason])).toEqual([
      ['decision.a.b.c', expect.stringContaining('approver identity')],
      ['decision.', expect.stringContaining('approver identity')],
      ['decision.bob', expect.stringContaining('comment')],
      ['decision.carol', expect.stringContaining('no approval decision')],
    ]);
  });
});

describe('readApproval', () => {
  it('reads again when the request was marked expired while it listed the decisions', async () => {
    const marked = { ...request, expired: { at, requestRevision: 10 } };
    const reads = [
      { value: request, revision: 10 },
      { value: marked, revision: 12 },
      { value: marked, revision: 12 },
      { value: marked, revision: 12 },
    ];
    const listings = [
      [{ key: 'decision.alice', value: granted, revision: 11 }],
      [
        { key: 'decision.alice', value: granted, revision: 11 },
        { key: 'decision.bob', value: rejected, revision: 13 },
      ],
    ];
    const view = await readApproval({
      get: () => Promise.resolve(reads.shift()),
      list: () => Promise.resolve(listings.shift() ?? []),
    });
    expect(view.resolution).toMatchObject({ status: 'decided', by: 'alice', revision: 11 });
    expect(reads).toHaveLength(0);
  });
});
