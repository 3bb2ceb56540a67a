import type { ApprovalState } from '@swarm/contracts';
import type { ClosedApproval } from './approval-policy.js';
import { approvalVerdict, expireIfDue, reportApproval, requestApproval } from './approval-policy.js';

const at = '2026-11-21T00:00:00.000Z';
const request: ApprovalState = requestApproval(new Date(at), 60_000, 'g-1/report.preview.md');
const decided = (outcome: 'granted' | 'rejected', comment?: string): ClosedApproval => ({
  status: 'decided',
  request,
  outcome,
  by: 'ana',
  ...(comment ? { comment } : {}),
  at,
  revision: 12,
});
const expired: ClosedApproval = { status: 'expired', request, at };

describe('approval policy', () => {
  it('delivers when granted and not when rejected, whatever the timeout policy', () => {
    expect(approvalVerdict(decided('granted'), 'reject')).toBe('deliver');
    expect(approvalVerdict(decided('rejected', 'no'), 'deliver')).toBe('rejected');
  });

  it('follows the timeout policy when the approval expired', () => {
    expect(approvalVerdict(expired, 'reject')).toBe('approval-expired');
    expect(approvalVerdict(expired, 'deliver')).toBe('deliver');
  });

  it('names the approver from the decision and the swarm for an expiry in the report', () => {
    expect(reportApproval(decided('rejected', 'no'))).toEqual({
      outcome: 'rejected',
      by: 'ana',
      comment: 'no',
    });
    expect(reportApproval(expired)).toEqual({ outcome: 'expired', by: 'swarm (approval timeout)' });
  });

  it('marks a request expired only once its deadline has passed, naming the request revision', () => {
    expect(request).toEqual({
      requestedAt: at,
      expiresAt: '2026-11-21T00:01:00.000Z',
      reportArtifact: 'g-1/report.preview.md',
    });
    expect(expireIfDue(request, new Date('2026-11-21T00:00:59.999Z'), 7)).toBeUndefined();
    expect(expireIfDue(request, new Date('2026-11-21T00:01:00.000Z'), 7)?.expired).toEqual({
      at: '2026-11-21T00:01:00.000Z',
      requestRevision: 7,
    });
  });

  it('never marks a request twice, nor one that does not exist', () => {
    const marked = expireIfDue(request, new Date('2030-01-01T00:00:00Z'), 7);
    expect(expireIfDue(marked, new Date('2031-01-01T00:00:00Z'), 9)).toBeUndefined();
    expect(expireIfDue(undefined, new Date('2031-01-01T00:00:00Z'), 9)).toBeUndefined();
  });
});
