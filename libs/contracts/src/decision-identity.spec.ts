import { parseDecisionEntries } from './approval-resolution.js';
import { decisionIdentityOfKey, decisionKeyOf, describeDecisionIdentity } from './decision-identity.js';
import { roleOfContextKey } from './security/event-emitters.js';

const granted = { outcome: 'granted', at: '2026-12-06T10:00:00.000Z' };

describe('decision identity', () => {
  it('keys an approver deciding for itself by its user name alone', () => {
    expect(decisionKeyOf('approver')).toBe('decision.approver');
    expect(decisionIdentityOfKey('approver')).toEqual({ ok: true, identity: 'approver' });
  });

  it('keys a vouched subject under the gateway user, readable back exactly, even with dots and pipes', () => {
    const identity = { vouchedBy: 'gateway', subject: 'auth0|alice.smith@example.com' };
    const key = decisionKeyOf(identity);
    expect(key).toMatch(/^decision\.gateway\.[A-Za-z0-9_-]+$/);
    expect(decisionIdentityOfKey(key.slice('decision.'.length))).toEqual({ ok: true, identity });
    expect(describeDecisionIdentity(identity)).toBe('auth0|alice.smith@example.com via gateway');
  });

  it('gives the vouched keys to the gateway role and the plain ones to approvers', () => {
    expect(roleOfContextKey(decisionKeyOf({ vouchedBy: 'gateway', subject: 'alice' }))).toBe('gateway');
    expect(roleOfContextKey(decisionKeyOf('alice'))).toBe('approver');
  });

  it('refuses to key a subject with control characters or past the limit', () => {
    expect(() => decisionKeyOf({ vouchedBy: 'gateway', subject: 'bob\nmallory' })).toThrow();
    expect(() => decisionKeyOf({ vouchedBy: 'gateway', subject: 'x'.repeat(129) })).toThrow();
    expect(() => decisionKeyOf({ vouchedBy: 'gate.way', subject: 'bob' })).toThrow();
  });

  it('ignores decision keys that are neither, naming why', () => {
    const entries = [
      { key: 'decision.gateway.YWxpY2U', value: granted, revision: 5 },
      { key: 'decision.gateway.not*base64', value: granted, revision: 6 },
      { key: 'decision.gateway.YWxpY2U=', value: granted, revision: 7 },
      { key: 'decision.a.b.c', value: granted, revision: 8 },
    ];
    const { decisions, ignored } = parseDecisionEntries(entries);
    expect(decisions).toEqual([{ identity: 'alice via gateway', decision: granted, revision: 5 }]);
    expect(ignored.map((i) => i.key)).toEqual([
      'decision.gateway.not*base64',
      'decision.gateway.YWxpY2U=',
      'decision.a.b.c',
    ]);
    expect(ignored[0]?.reason).toContain('no base64url');
  });
});
