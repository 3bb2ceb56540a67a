import { approvalVerdict, expireIfDue, requestApproval } from './approval-policy.js';

const at = '2026-11-21T00:00:00.000Z';

describe('approval policy', () => {
  it('delivers when granted and not when rejected', () => {
    expect(approvalVerdict({ outcome: 'granted', by: 'ana', at }, 'reject')).toBe('deliver');
    expect(approvalVerdict({ outcome: 'rejected', by: 'ana', comment: 'no', at }, 'deliver')).toBe(
      'rejected',
    );
  });

  it('follows the timeout policy when the approval expired', () => {
    expect(approvalVerdict({ outcome: 'expired', by: 'swarm', at }, 'reject')).toBe('approval-expired');
    expect(approvalVerdict({ outcome: 'expired', by: 'swarm', at }, 'deliver')).toBe('deliver');
  });

  it('expires an undecided approval only once its deadline has passed', () => {
    const state = requestApproval(new Date(at), 60_000);
    expect(state.expiresAt).toBe('2026-11-21T00:01:00.000Z');
    expect(expireIfDue(state, new Date('2026-11-21T00:00:59.999Z'))).toBeUndefined();
    expect(expireIfDue(state, new Date('2026-11-21T00:01:00.000Z'))?.decision?.outcome).toBe('expired');
  });

  it('never overrides a decision a human already made', () => {
    const decided = {
      ...requestApproval(new Date(at), 1),
      decision: { outcome: 'granted' as const, by: 'ana', at },
    };
    expect(expireIfDue(decided, new Date('2030-01-01T00:00:00Z'))).toBeUndefined();
  });
});
